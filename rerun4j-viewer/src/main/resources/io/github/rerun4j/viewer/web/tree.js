// The streams panel: the entity tree built from entity paths; clicking selects an entity.

export function createEntityTree(list, state) {
  list.addEventListener('click', (e) => {
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

  function render(node) {
    const items = [];
    for (const child of node.children.values()) {
      const li = document.createElement('li');
      const label = document.createElement('div');
      label.className = 'entity' + (child.hasData ? '' : ' nodata') + (state.selection === child.path ? ' selected' : '');
      label.dataset.entity = child.path;
      label.textContent = child.name;
      li.appendChild(label);
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
