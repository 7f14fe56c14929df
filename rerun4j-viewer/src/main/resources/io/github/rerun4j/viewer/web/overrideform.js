// The override controls of one depth image in the selection panel: colormap, depth range, point fill ratio,
// magnification filter and the 3D points' colours (colormap, or the colour image: rerun4j's RGB cloud), plus reset. They change only the page's state (state.setOverride), never the
// recording. Typed values are checked first (overrides.js); a bad one is shown with its message and not sent.

import { COLORMAPS, MAGNIFICATION_FILTERS, parseNumber } from './overrides.js';

export function createOverrideForm(entity, state) {
  const element = document.createElement('form');
  element.className = 'overrides';
  element.dataset.entity = entity;
  element.innerHTML = `
    <h3>Overrides <button type="button" class="reset" title="Back to the recording's values">Reset</button></h3>
    <label data-field="colormap">colormap <select class="colormap"></select></label>
    <label data-field="range">depth range
      <select class="range-mode"><option value="">as recorded</option><option value="custom">custom</option></select></label>
    <div class="range-inputs" data-field="range">
      <input class="range-min" type="text" inputmode="decimal" aria-label="depth range min" disabled>
      <span>to</span>
      <input class="range-max" type="text" inputmode="decimal" aria-label="depth range max" disabled></div>
    <label data-field="fillRatio">point fill ratio
      <input class="fill" type="text" inputmode="decimal" placeholder="as recorded" aria-label="point fill ratio"></label>
    <input class="fill-slider" type="range" min="0" max="2" step="0.05" aria-label="point fill ratio slider">
    <label data-field="filter">magnification filter <select class="filter"></select></label>
    <label data-field="rgbCloud" title="rerun4j extension: Rerun always colormaps the cloud">3D point colours
      <select class="rgb-cloud"><option value="">as the 3D view</option><option value="off">colormap</option>
      <option value="on">colour image</option></select></label>
    <div class="rgb-note" hidden></div>
    <div class="override-error" role="alert" hidden></div>`;
  element.addEventListener('submit', (e) => e.preventDefault());
  const $ = (selector) => element.querySelector(selector);
  const error = $('.override-error');
  fillSelect($('.colormap'), COLORMAPS);
  fillSelect($('.filter'), MAGNIFICATION_FILTERS);
  let image = null; // the scene's depth image, for the values to start a custom range from

  function showError(message, inputs) {
    error.hidden = false;
    error.textContent = message;
    inputs.forEach((i) => i.classList.add('invalid'));
  }

  function clearError() {
    error.hidden = true;
    error.textContent = '';
    element.querySelectorAll('.invalid').forEach((i) => i.classList.remove('invalid'));
  }

  /** Parses the typed values with `read` and sends the patch; any failure is shown at `inputs`, nothing sent. */
  function apply(read, inputs) {
    clearError();
    try {
      state.setOverride(entity, read());
    } catch (e) {
      showError(e.message, inputs);
    }
  }

  function applyRange() {
    const inputs = [$('.range-min'), $('.range-max')];
    apply(() => ({ range: [parseNumber('depth range min', inputs[0].value), parseNumber('depth range max', inputs[1].value)] }), inputs);
  }

  $('.colormap').addEventListener('change', (e) => apply(() => ({ colormap: e.target.value || null }), [e.target]));
  $('.filter').addEventListener('change', (e) => apply(() => ({ filter: e.target.value || null }), [e.target]));
  $('.rgb-cloud').addEventListener('change', (e) => apply(() => ({ rgbCloud: e.target.value === '' ? null : e.target.value === 'on' }), [e.target]));
  $('.range-mode').addEventListener('change', (e) => {
    const custom = e.target.value === 'custom';
    for (const input of [$('.range-min'), $('.range-max')]) input.disabled = !custom;
    if (!custom) { apply(() => ({ range: null }), []); return; }
    const [min, max] = state.effective(image).range;
    $('.range-min').value = String(min);
    $('.range-max').value = String(max);
    applyRange();
  });
  $('.range-min').addEventListener('change', applyRange);
  $('.range-max').addEventListener('change', applyRange);
  $('.fill').addEventListener('change', (e) => {
    const text = e.target.value.trim();
    apply(() => ({ fillRatio: text === '' ? null : parseNumber('point fill ratio', text) }), [e.target]);
  });
  $('.fill-slider').addEventListener('input', (e) => {
    $('.fill').value = e.target.value;
    apply(() => ({ fillRatio: Number(e.target.value) }), [$('.fill')]);
  });
  $('.reset').addEventListener('click', () => {
    clearError();
    state.clearOverrides(entity);
  });

  /** Shows the current overrides in the controls, leaving alone a field being typed in or holding an error. */
  function sync(sceneImage) {
    image = sceneImage;
    const o = state.overrides.get(entity) ?? {};
    const untouched = (input) => document.activeElement !== input && !input.classList.contains('invalid');
    fillSelectDefault($('.colormap'), `as recorded (${image.effectiveColormap})`);
    fillSelectDefault($('.filter'), `as recorded (${image.effectiveMagnificationFilter})`);
    if (untouched($('.colormap'))) $('.colormap').value = o.colormap ?? '';
    if (untouched($('.filter'))) $('.filter').value = o.filter ?? '';
    const rangeInputs = [$('.range-min'), $('.range-max')];
    if (rangeInputs.every(untouched)) {
      $('.range-mode').value = o.range ? 'custom' : '';
      rangeInputs.forEach((input, i) => {
        input.disabled = !o.range;
        input.value = o.range ? String(o.range[i]) : '';
        input.placeholder = String(image.effectiveRange[i]);
      });
    }
    if (untouched($('.fill'))) $('.fill').value = o.fillRatio != null ? String(o.fillRatio) : '';
    $('.fill').placeholder = `as recorded (${image.text.pointFillRatio})`;
    if (document.activeElement !== $('.fill-slider')) $('.fill-slider').value = String(state.effective(image).fillRatio);
    // Encoded depth is filtered by its own rule in 2D (Nearest magnified, bilinear minified): nothing to choose.
    $('.filter').closest('label').hidden = image.encoding != null;
    const rgb = $('.rgb-cloud');
    rgb.closest('label').hidden = !image.camera; // only a cloud can be coloured
    if (untouched(rgb)) rgb.value = o.rgbCloud == null ? '' : o.rgbCloud ? 'on' : 'off';
    const note = $('.rgb-note');
    note.textContent = state.rgbCloud(image) && image.rgbSource?.note ? image.rgbSource.note : '';
    note.hidden = note.textContent === '';
    for (const field of element.querySelectorAll('[data-field]')) {
      field.classList.toggle('overridden', o[field.dataset.field] != null);
    }
  }

  return { entity, element, sync };
}

function fillSelect(select, names) {
  select.replaceChildren(new Option('as recorded', ''), ...names.map((n) => new Option(n, n)));
}

function fillSelectDefault(select, text) {
  select.options[0].textContent = text;
}
