// The 2D view's hover readout (docs/semantics.md §4.5): outlines the hovered texel on the image and shows a
// tooltip (hover-tooltip.js) with the entity path and the server's reference lines.
//
//   const hover = new HoverReadout(parentElement, state, { toScreen: (x, y) => [sx, sy], scale: () => s });
//   hover.point({ entity, x, y }, cursorX, cursorY);   // or hover.point(null, ...) outside every image

import { HoverTooltip } from './hover-tooltip.js';

export class HoverReadout {
  constructor(parent, state, geometry) {
    this.geometry = geometry;
    this.tooltip = new HoverTooltip(parent, state);
    this.outline = document.createElement('div');
    // White line with a black rim so it shows on every colormap.
    this.outline.style.cssText = 'position:absolute;pointer-events:none;border:1px solid #fff;'
      + 'box-shadow:0 0 0 1px #000, inset 0 0 0 1px #000;box-sizing:border-box';
    this.outline.hidden = true;
    parent.append(this.outline);
  }

  /** The latest server answer for the hovered texel ({entity, x, y, lines}), or null. */
  get last() {
    return this.tooltip.last;
  }

  /** The pointer is at (screenX, screenY) CSS px over `texel` ({entity, x, y}), or over no image (null). */
  point(texel, screenX, screenY) {
    if (!texel) {
      this.hide();
      return;
    }
    this.tooltip.point(texel, screenX, screenY, [texel.entity]);
    this.reposition();
  }

  /** Asks again for the current texel (the time or data changed). */
  refresh() {
    this.tooltip.refresh();
  }

  hide() {
    this.tooltip.hide();
    this.outline.hidden = true;
  }

  /** Moves the texel outline after the camera changed. */
  reposition() {
    const texel = this.tooltip.current;
    if (!texel) return;
    const [left, top] = this.geometry.toScreen(texel.x, texel.y);
    const size = this.geometry.scale();
    // The 1 px line lies just outside the texel, so even a texel smaller than the line stays visible.
    Object.assign(this.outline.style, {
      left: `${left - 1}px`, top: `${top - 1}px`, width: `${size + 2}px`, height: `${size + 2}px`,
    });
    this.outline.hidden = false;
  }

  destroy() {
    this.tooltip.destroy();
    this.outline.remove();
  }
}
