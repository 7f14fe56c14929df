// The hover tooltip both views share: shows head lines at once and the zoom around the pixel with its color
// swatch (hover-zoom-panel.js), then asks the server for the reference readout of the pixel
// (docs/semantics.md §4.5: "Position: …", "Depth: …", "Val: …", plus the world position in 3D).
// The element's textContent is exactly the head and readout lines joined by newlines (tests compare it). Requests wait for the pointer to rest a moment and answers to older requests are dropped, so
// sweeping across an image neither floods the server nor shows a stale pixel.
//
//   const tip = new HoverTooltip(parent, state, { world: true });
//   tip.point({ entity, x, y }, cssX, cssY, [entity]);   // or tip.hide() when over nothing

import { api } from './api.js';
import { HoverZoomPanel } from './hover-zoom-panel.js';

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
    this.headText = document.createElement('div');
    this.linesText = document.createElement('div');
    this.zoomPanel = new HoverZoomPanel();
    this.element.append(this.headText, this.zoomPanel.zoom, this.linesText, this.zoomPanel.swatch);
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
      this.showText([]);
      this.zoomPanel.clear();
      this.showZoom();
      this.schedule();
    }
    this.place();
  }

  /** Asks again for the current pixel (the time or data changed). */
  refresh() {
    if (!this.current) return;
    this.showZoom();
    this.schedule();
  }

  hide() {
    clearTimeout(this.timer);
    this.request++;
    this.current = null;
    this.last = null;
    this.zoomPanel.clear();
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

  /** The head lines, then (if any) the readout lines; the newline between them ends the head's text. */
  showText(lines) {
    this.headText.textContent = this.head.join('\n') + (lines.length ? '\n' : '');
    this.linesText.textContent = lines.join('\n');
  }

  /** Draws the zoom of the current pixel with the view's effective colormap and range (overrides apply). */
  showZoom() {
    const pixel = this.current;
    const image = (this.state.scene?.depthImages ?? []).find((candidate) => candidate.entity === pixel.entity);
    if (!image) {
      this.zoomPanel.clear();
      return;
    }
    this.zoomPanel.show(image, this.state.effective(image), pixel.x, pixel.y).then(() => {
      if (this.current) this.place(); // the tooltip grew
    });
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
      const answer = await api.hover(recording, pixel.entity, timeline, timeExact, pixel.x, pixel.y, pixel.rgb === true,
        pixel.occlusion === true);
      if (request !== this.request) return; // the pointer moved on
      this.last = { ...pixel, lines: answer.lines, world: answer.world };
      lines = [...(this.showWorld && answer.world ? [formatWorld(answer.world)] : []), ...answer.lines];
    } catch (e) {
      if (request !== this.request) return;
      this.last = { ...pixel, lines: [], world: null, error: e.message };
      lines = [e.message];
    }
    this.showText(lines);
    this.place();
  }
}
