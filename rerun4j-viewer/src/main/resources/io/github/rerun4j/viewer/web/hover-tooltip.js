// The hover tooltip both views share: shows head lines at once, then asks the server for the reference
// readout of the pixel (depth-semantics §4.5: "Position: …", "Depth: …", "Val: …", plus the world position
// in 3D). Requests wait for the pointer to rest a moment and answers to older requests are dropped, so
// sweeping across an image neither floods the server nor shows a stale pixel.
//
//   const tip = new HoverTooltip(parent, state, { world: true });
//   tip.point({ entity, x, y }, cssX, cssY, [entity]);   // or tip.hide() when over nothing

import { api } from './api.js';

const REST_MS = 40;
const CURSOR_GAP = 16;

function formatWorld(world) {
  return `World: (${world.map((v) => v.toFixed(3)).join(', ')})`;
}

export class HoverTooltip {
  /** options.world: also show the server's world position (3D). */
  constructor(parent, state, options = {}) {
    this.state = state;
    this.showWorld = Boolean(options.world);
    this.current = null; // {entity, x, y} under the pointer
    this.head = [];
    this.cursor = [0, 0];
    this.last = null;    // {entity, x, y, lines, world, error?}: the latest answer for the current pixel
    this.request = 0;
    this.timer = null;
    this.element = document.createElement('div');
    this.element.className = 'tooltip';
    this.element.hidden = true;
    parent.append(this.element);
  }

  /** The pointer is at (cssX, cssY) over `pixel` ({entity, x, y}); `head` are the lines shown at once. */
  point(pixel, cssX, cssY, head) {
    const same = this.current && this.current.entity === pixel.entity
      && this.current.x === pixel.x && this.current.y === pixel.y;
    this.current = pixel;
    this.cursor = [cssX, cssY];
    if (!same) {
      this.last = null;
      this.head = head;
      this.element.textContent = head.join('\n');
      this.schedule();
    }
    this.place();
  }

  /** Asks again for the current pixel (the time or data changed). */
  refresh() {
    if (this.current) this.schedule();
  }

  hide() {
    clearTimeout(this.timer);
    this.request++;
    this.current = null;
    this.last = null;
    this.element.hidden = true;
  }

  destroy() {
    this.hide();
    this.element.remove();
  }

  /** Next to the cursor, below right, flipped to the other side where the view would cut it off. */
  place() {
    const [x, y] = this.cursor;
    this.element.hidden = false;
    const parent = this.element.parentElement;
    const at = (p, size, room) => (p + CURSOR_GAP + size > room ? Math.max(0, p - CURSOR_GAP - size) : p + CURSOR_GAP);
    const left = at(x, this.element.offsetWidth, parent?.clientWidth ?? Infinity);
    const top = at(y, this.element.offsetHeight, parent?.clientHeight ?? Infinity);
    Object.assign(this.element.style, { left: `${left}px`, top: `${top}px` });
  }

  schedule() {
    clearTimeout(this.timer);
    const request = ++this.request;
    const pixel = this.current;
    this.timer = setTimeout(() => this.fetch(request, pixel), REST_MS);
  }

  async fetch(request, pixel) {
    // timeExact: nanosecond timestamps do not fit a JS number.
    const { recording, timeline, timeExact } = this.state;
    let lines;
    try {
      const answer = await api.hover(recording, pixel.entity, timeline, timeExact, pixel.x, pixel.y);
      if (request !== this.request) return; // the pointer moved on
      this.last = { ...pixel, lines: answer.lines, world: answer.world };
      lines = [...(this.showWorld && answer.world ? [formatWorld(answer.world)] : []), ...answer.lines];
    } catch (e) {
      if (request !== this.request) return;
      this.last = { ...pixel, lines: [], world: null, error: e.message };
      lines = [e.message];
    }
    this.element.textContent = [...this.head, ...lines].join('\n');
    this.place();
  }
}
