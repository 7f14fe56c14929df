// The selection panel: the selected entity's component values at the current time, as Rerun's selection panel
// shows them (values the recording logged in full colour, the viewer's defaults greyed out, page overrides
// marked), and for a depth image the override controls (overrideform.js).

import { createOverrideForm } from './overrideform.js';

export function createSelectionPanel(body, state) {
  const info = document.createElement('div');
  info.className = 'selection-info';
  let form = null; // the override form of one depth image entity; kept while it stays selected

  function update() {
    const entity = state.selection;
    if (!entity) {
      body.replaceChildren(document.createTextNode('Nothing selected'));
      form = null;
      return;
    }
    const image = state.scene?.depthImages.find((d) => d.entity === entity) ?? null;
    const pinhole = state.scene?.pinholes.find((p) => p.entity === entity) ?? null;
    const sections = [entityHeader(entity)];
    if (image) sections.push(heading('DepthImage'), depthImageTable(image, state.overrides.get(entity) ?? {}));
    if (pinhole) sections.push(heading('Pinhole'), pinholeTable(pinhole));
    if (!image && !pinhole) sections.push(otherEntity(entity, state.summary));
    info.replaceChildren(...sections);

    if (!image) form = null;
    else if (form?.entity !== entity) form = createOverrideForm(entity, state);
    const children = [info, form?.element].filter(Boolean);
    // Re-inserting the form would take the focus from a field the user is typing in.
    if (children.some((c, i) => body.children[i] !== c) || body.children.length !== children.length) {
      body.replaceChildren(...children);
    }
    form?.sync(image);
  }

  return { update };
}

function entityHeader(entity) {
  const header = document.createElement('div');
  header.className = 'entity-path';
  header.textContent = entity;
  return header;
}

function heading(text) {
  const h = document.createElement('h3');
  h.textContent = text;
  return h;
}

/** Rows of (field, shown value, source: logged / default / override, the recording's value if overridden). */
function depthImageTable(image, override) {
  const source = (logged) => (logged == null ? 'default' : 'logged');
  const range = image.depthRange == null ? `automatic: ${image.text.depthRange}` : image.text.depthRange;
  const rows = [
    ['format', image.format, 'logged'],
    ['meter', image.text.meter, source(image.meter)],
    ['colormap', image.effectiveColormap, source(image.colormap)],
    ['depth_range', range, source(image.depthRange)],
    ['point_fill_ratio', image.text.pointFillRatio, source(image.pointFillRatio)],
    ['draw_order', image.text.drawOrder, source(image.drawOrder)],
    ['magnification_filter', image.effectiveMagnificationFilter, source(image.magnificationFilter)],
  ];
  const overridden = {
    colormap: override.colormap,
    depth_range: override.range && `[${override.range[0]}, ${override.range[1]}]`,
    point_fill_ratio: override.fillRatio,
    magnification_filter: override.filter,
  };
  return table(rows.map(([field, value, from]) => (overridden[field] == null
    ? [field, value, from]
    : [field, String(overridden[field]), 'override', value])));
}

function pinholeTable(pinhole) {
  const matrix = document.createElement('table');
  matrix.className = 'matrix';
  for (const row of pinhole.text.imageFromCamera) {
    const tr = matrix.insertRow();
    for (const cell of row) tr.insertCell().textContent = cell;
  }
  return table([
    ['image_from_camera', matrix, 'logged'],
    ['resolution', pinhole.text.resolution ?? 'not logged', pinhole.text.resolution ? 'logged' : 'default'],
    ['camera_xyz', pinhole.cameraXyz, 'logged'],
    ['image_plane_distance', `automatic: ${pinhole.text.imagePlaneDistance}`, 'default'],
  ]);
}

function otherEntity(entity, summary) {
  const known = summary?.entities.find((e) => e.path === entity);
  if (!known) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = 'No data logged on this entity itself.';
    return note;
  }
  return table([
    ['archetypes', known.archetypes.join(', ') || '-', 'logged'],
    ['components', known.components.join('\n'), 'logged'],
    ['at this time', 'no depth image or pinhole', 'default'],
  ]);
}

function table(rows) {
  const t = document.createElement('table');
  t.className = 'kv';
  for (const [field, value, from, recorded] of rows) {
    const tr = t.insertRow();
    tr.dataset.field = field;
    tr.dataset.source = from;
    tr.className = from;
    if (from === 'default') tr.title = 'not logged: the viewer\u2019s default';
    if (from === 'override') tr.title = 'overridden in this page; the recording is unchanged';
    tr.insertCell().textContent = field;
    const cell = tr.insertCell();
    if (value instanceof Node) cell.appendChild(value); else cell.textContent = String(value);
    if (recorded != null) {
      const was = document.createElement('div');
      was.className = 'recorded';
      was.textContent = `recording: ${recorded}`;
      cell.appendChild(was);
    }
  }
  return t;
}
