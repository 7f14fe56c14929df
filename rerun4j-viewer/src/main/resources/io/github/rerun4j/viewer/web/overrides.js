// What the selection panel may override per depth image (as Rerun's selection panel allows) and the check
// that keeps bad values away from the views: every rejected value gets a message naming the field, the value
// and what was expected.

export const COLORMAPS = ['Grayscale', 'Inferno', 'Magma', 'Plasma', 'Turbo', 'Viridis', 'CyanToYellow',
  'Spectral', 'Twilight', 'RvizMap', 'RvizCostmap'];
export const MAGNIFICATION_FILTERS = ['Nearest', 'Linear', 'Bicubic'];

/**
 * Throws an Error with a clear message if `patch` ({colormap, range: [min, max], fillRatio, filter, rgbCloud}; null
 * clears a field) holds a value no view may see.
 */
export function checkOverride(patch) {
  for (const [field, value] of Object.entries(patch)) {
    if (value == null) continue;
    switch (field) {
      case 'colormap':
        if (!COLORMAPS.includes(value)) fail('colormap', value, `one of ${COLORMAPS.join(', ')}`);
        break;
      case 'filter':
        if (!MAGNIFICATION_FILTERS.includes(value)) fail('magnification filter', value, `one of ${MAGNIFICATION_FILTERS.join(', ')}`);
        break;
      case 'range':
        if (!Array.isArray(value) || value.length !== 2) fail('depth range', JSON.stringify(value), 'a pair [min, max]');
        if (!value.every(Number.isFinite)) fail('depth range', `[${value.join(', ')}]`, 'finite numbers');
        if (!(value[0] < value[1])) fail('depth range', `[${value.join(', ')}]`, 'min < max');
        break;
      case 'fillRatio':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail('point fill ratio', value, 'a finite number >= 0');
        break;
      case 'rgbCloud':
        if (typeof value !== 'boolean') fail('RGB cloud', value, 'true or false');
        break;
      default:
        fail('override field', field, 'colormap, range, fillRatio, filter or rgbCloud');
    }
  }
}

/** Parses a number typed by the user; throws naming the field when it is not one. */
export function parseNumber(field, text) {
  const trimmed = String(text).trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(value)) fail(field, text, 'a finite number');
  return value;
}

function fail(field, value, expected) {
  throw new Error(`invalid ${field} '${value}': expected ${expected}`);
}
