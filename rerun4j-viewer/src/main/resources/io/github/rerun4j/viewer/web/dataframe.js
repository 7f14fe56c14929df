// Placeholder until this view is built (viewer issue): shows what it would draw.

export function createDataframeView(parent, state, entity) {
  const note = document.createElement('div');
  note.style.padding = '8px';
  parent.appendChild(note);
  return {
    update() { note.textContent = 'dataframe ' + (entity ?? ''); },
    destroy() { note.remove(); },
  };
}
