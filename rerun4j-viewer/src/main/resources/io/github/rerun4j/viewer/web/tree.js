// The streams panel: the entity tree built from entity paths; clicking a name selects an entity, and the eye
// next to it hides it (and everything under it) in every view, as Rerun's eye does. An entity hidden through
// a parent shows a dimmed eye; its own eye still records its own choice for when the parent is shown again.

const svg = (path) => `<svg viewBox="0 0 16 16" aria-hidden="true">${path}</svg>`;
const EYE = '<path d="M1 8s2.6-5 7-5 7 5 7 5-2.6 5-7 5-7-5-7-5z" fill="none" stroke="currentColor" stroke-width="1.4"/><circle cx="8" cy="8" r="2.2"/>';
const EYE_OPEN = svg(EYE);
const EYE_SHUT = svg(`${EYE}<path d="M2.5 13.5l11-11" stroke="currentColor" stroke-width="1.6"/>`);

export function createEntityTree(list, state) {
  list.addEventListener('click', (e) => {
    const eye = e.target.closest('button.eye');
    if (eye) {
      state.setHidden(eye.dataset.eye, !state.hidden.has(eye.dataset.eye));
      return;
    }
    const item = e.target.closest('[data-entity]');
    if (item) state.select(item.dataset.entity);
  });

  function build(paths) {
    const root = { children: new Map(), path: '/', hasData: false };
    for (const path of paths) {
      let node = root;
      let prefix = '';
      for (const part of path.split('/').filter(Boolean)) {
        prefix += '/' + part;
        if (!node.children.has(part)) node.children.set(part, { children: new Map(), path: prefix, hasData: false, name: part });
        node = node.children.get(part);
      }
      node.hasData = true;
    }
    return root;
  }

  function eyeButton(path) {
    const button = document.createElement('button');
    const own = state.hidden.has(path);
    button.className = 'eye' + (own ? ' hidden-here' : '') + (!own && !state.isVisible(path) ? ' hidden-above' : '');
    button.dataset.eye = path;
    button.title = own ? `Show ${path}` : `Hide ${path} and everything under it`;
    button.setAttribute('aria-label', button.title);
    button.setAttribute('aria-pressed', String(own));
    button.innerHTML = own ? EYE_SHUT : EYE_OPEN;
    return button;
  }

  function render(node) {
    const items = [];
    for (const child of node.children.values()) {
      const li = document.createElement('li');
      const row = document.createElement('div');
      row.className = 'row' + (state.isVisible(child.path) ? '' : ' invisible');
      const label = document.createElement('div');
      label.className = 'entity' + (child.hasData ? '' : ' nodata') + (state.selection === child.path ? ' selected' : '');
      label.dataset.entity = child.path;
      label.textContent = child.name;
      row.append(label, eyeButton(child.path));
      li.appendChild(row);
      if (child.children.size) {
        const ul = document.createElement('ul');
        ul.append(...render(child));
        li.appendChild(ul);
      }
      items.push(li);
    }
    return items;
  }

  return {
    update() {
      const paths = state.summary?.entities.map((e) => e.path) ?? [];
      list.replaceChildren(...render(build(paths)));
    },
  };
}
