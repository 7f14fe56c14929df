// The zoom and swatch elements of the hover tooltip (docs/semantics.md §4.5 items 2 and 4): draws the texels of
// hover-zoom.js 5 CSS px each, the centre texel outlined white outside, black inside, and below the text a large
// swatch of the picked texel's color. Separate elements, so the tooltip's text stays exactly the text lines.
//
//   const panel = new HoverZoomPanel();
//   tooltip.append(head, panel.zoom, lines, panel.swatch);
//   panel.show(image, state.effective(image), x, y);   // answers for older texels are dropped
//
// Test hook: panel.zoom.dataset.texel is "entity x y" once the zoom of that texel is drawn.

import { ZOOM_RADIUS, ZOOM_TEXELS, zoomTexels } from './hover-zoom.js';

const CELL_CSS_PX = 5;
const SIZE_CSS_PX = ZOOM_TEXELS * CELL_CSS_PX;

export class HoverZoomPanel {
  constructor() {
    this.zoom = document.createElement('canvas');
    this.zoom.className = 'hover-zoom';
    this.zoom.style.cssText = `display:block;width:${SIZE_CSS_PX}px;height:${SIZE_CSS_PX}px;margin:4px 0`;
    this.swatch = document.createElement('div');
    this.swatch.className = 'hover-swatch';
    this.swatch.style.cssText = `width:${SIZE_CSS_PX}px;height:24px;margin-top:4px;border:1px solid #000`;
    this.request = 0;
    this.clear();
  }

  /** Forgets the drawn zoom (a new texel is hovered, or none). */
  clear() {
    this.request++;
    this.zoom.hidden = true;
    this.swatch.hidden = true;
    delete this.zoom.dataset.texel;
  }

  /** Draws the zoom around texel (x, y) of `image` (scene JSON entry) with `settings` (state.effective). */
  async show(image, settings, x, y) {
    const request = ++this.request;
    let texels;
    try {
      texels = await zoomTexels(image, settings, x, y);
    } catch (e) {
      // The text lines still tell the value; the zoom is an extra, so it just stays away.
      console.warn(`hover zoom of ${image.entity}: ${e.message}`);
      return;
    }
    if (request !== this.request) return; // the pointer moved on
    this.draw(texels);
    const centre = (ZOOM_RADIUS * ZOOM_TEXELS + ZOOM_RADIUS) * 4;
    const [r, g, b, a] = texels.subarray(centre, centre + 4);
    this.swatch.style.background = `rgba(${r}, ${g}, ${b}, ${a / 255})`;
    this.zoom.hidden = false;
    this.swatch.hidden = false;
    this.zoom.dataset.texel = `${image.entity} ${x} ${y}`;
  }

  draw(texels) {
    const ratio = window.devicePixelRatio || 1;
    const side = Math.round(SIZE_CSS_PX * ratio);
    if (this.zoom.width !== side) this.zoom.width = this.zoom.height = side;
    const ctx = this.zoom.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, side, side);
    const cell = side / ZOOM_TEXELS;
    // Whole device pixels per cell edge, so neighbouring cells neither overlap nor leave seams.
    const edge = (i) => Math.round(i * cell);
    for (let row = 0; row < ZOOM_TEXELS; row++) {
      for (let col = 0; col < ZOOM_TEXELS; col++) {
        const i = (row * ZOOM_TEXELS + col) * 4;
        if (texels[i + 3] === 0) continue; // outside the image (or fully see-through): left empty
        ctx.fillStyle = `rgba(${texels[i]}, ${texels[i + 1]}, ${texels[i + 2]}, ${texels[i + 3] / 255})`;
        ctx.fillRect(edge(col), edge(row), edge(col + 1) - edge(col), edge(row + 1) - edge(row));
      }
    }
    // A white line just outside the centre cell and a black one just inside it, so the outline shows on every
    // colormap while the middle of every cell (the centre's too) keeps its color.
    const left = edge(ZOOM_RADIUS);
    const right = edge(ZOOM_RADIUS + 1);
    const line = Math.max(1, Math.round(ratio));
    const frame = (outset, color) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = line;
      const o = outset - line / 2; // strokes are centred on the path
      ctx.strokeRect(left - o, left - o, right - left + 2 * o, right - left + 2 * o);
    };
    frame(line, '#fff');
    frame(0, '#000');
  }
}
