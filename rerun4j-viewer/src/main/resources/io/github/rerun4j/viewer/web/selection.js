// The selection panel: the selected entity's component values.

export function createSelectionPanel(body, state) {
  return {
    update() {
      const entity = state.selection;
      if (!entity) { body.textContent = 'Nothing selected'; return; }
      const image = state.scene?.depthImages.find((d) => d.entity === entity);
      const rows = [['entity', entity]];
      if (image) rows.push(['format', image.format], ['meter', image.effectiveMeter], ['colormap', image.effectiveColormap]);
      const table = document.createElement('table');
      table.className = 'kv';
      for (const [k, v] of rows) {
        const tr = table.insertRow();
        tr.insertCell().textContent = k;
        tr.insertCell().textContent = String(v);
      }
      body.replaceChildren(table);
    },
  };
}
