// The 2D view's hover readout (depth-semantics §4.5): outlines the hovered texel on the image and shows a
// tooltip with the entity path and the server's reference lines ("Position: …", "Depth: …", "Val: …").
// Requests wait for the pointer to rest a moment and answers to older requests are dropped, so sweeping
// across the image neither floods the server nor shows a stale pixel.
//
//   const hover = new HoverReadout(parentElement, state, { toScreen: (x, y) => [sx, sy], scale: () => s });
//   hover.point({ entity, x, y }, cursorX, cursorY);   // or hover.point(null, ...) outside every image

import { api } from './api.js';

const REST_MS = 40;

export class HoverReadout {
  constructor(parent, state, geometry) {
    this.state = state;
    this.geometry = geometry;
    this.current = null; // {entity, x, y} under the pointer
    this.cursor = [0, 0]; // where the pointer is, CSS px in the view
    this.last = null;    // {entity, x, y, lines}: the latest answer for the current texel
    this.request = 0;
    this.timer = null;
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'tooltip';
    this.tooltip.hidden = true;
    this.outline = document.createElement('div');
    // White line with a black rim so it shows on every colormap.
    this.outline.style.cssText = 'position:absolute;pointer-events:none;border:1px solid #fff;'
      + 'box-shadow:0 0 0 1px #000, inset 0 0 0 1px #000;box-sizing:border-box';
    this.outline.hidden = true;
    parent.append(this.outline, this.tooltip);
  }

  /** The pointer is at (screenX, screenY) CSS px over `texel` ({entity, x, y}), or over no image (null). */
  point(texel, screenX, screenY) {
    if (!texel) {
      this.hide();
      return;
    }
    const same = this.current && this.current.entity === texel.entity
      && this.current.x === texel.x && this.current.y === texel.y;
    this.current = texel;
    this.cursor = [screenX, screenY];
    if (!same) {
      this.last = null;
      this.tooltip.textContent = texel.entity;
      this.schedule();
    }
    this.placeTooltip();
    this.reposition();
  }

  /** Asks again for the current texel (the time or data changed). */
  refresh() {
    if (this.current) this.schedule();
  }

  hide() {
    clearTimeout(this.timer);
    this.request++;
    this.current = null;
    this.last = null;
    this.tooltip.hidden = true;
    this.outline.hidden = true;
  }

  /** Moves the texel outline after the camera changed. */
  reposition() {
    if (!this.current) return;
    const [left, top] = this.geometry.toScreen(this.current.x, this.current.y);
    const size = this.geometry.scale();
    // The 1 px line lies just outside the texel, so even a texel smaller than the line stays visible.
    Object.assign(this.outline.style, {
      left: `${left - 1}px`, top: `${top - 1}px`, width: `${size + 2}px`, height: `${size + 2}px`,
    });
    this.outline.hidden = false;
  }

  destroy() {
    this.hide();
    this.tooltip.remove();
    this.outline.remove();
  }

  /** Shows the tooltip next to the cursor; called again when its text (and so its size) changes. */
  placeTooltip() {
    const [screenX, screenY] = this.cursor;
    this.tooltip.hidden = false;
    const parent = this.tooltip.parentElement;
    // Below right of the cursor, flipped to the other side where the view would cut it off.
    const place = (at, size, room) => (at + 16 + size > room ? Math.max(0, at - 16 - size) : at + 16);
    const left = place(screenX, this.tooltip.offsetWidth, parent?.clientWidth ?? Infinity);
    const top = place(screenY, this.tooltip.offsetHeight, parent?.clientHeight ?? Infinity);
    Object.assign(this.tooltip.style, { left: `${left}px`, top: `${top}px` });
  }

  schedule() {
    clearTimeout(this.timer);
    const request = ++this.request;
    const texel = this.current;
    this.timer = setTimeout(() => this.fetch(request, texel), REST_MS);
  }

  async fetch(request, texel) {
    // timeExact: nanosecond timestamps do not fit a JS number.
    const { recording, timeline, timeExact: time } = this.state;
    try {
      const answer = await api.hover(recording, texel.entity, timeline, time, texel.x, texel.y);
      if (request !== this.request) return; // the pointer moved on
      this.last = { entity: texel.entity, x: texel.x, y: texel.y, lines: answer.lines };
      this.tooltip.textContent = [texel.entity, ...answer.lines].join('\n');
      this.placeTooltip();
    } catch (e) {
      if (request !== this.request) return;
      this.last = { entity: texel.entity, x: texel.x, y: texel.y, lines: [], error: e.message };
      this.tooltip.textContent = `${texel.entity}\n${e.message}`;
      this.placeTooltip();
    }
  }
}
