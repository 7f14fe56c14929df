// Placeholder until this view is built (viewer issue): shows what it would draw.

export function createView3D(parent, state, entity) {
  const note = document.createElement('div');
  note.style.padding = '8px';
  parent.appendChild(note);
  return {
    update() { note.textContent = 'view3d ' + (entity ?? ''); },
    destroy() { note.remove(); },
  };
}
