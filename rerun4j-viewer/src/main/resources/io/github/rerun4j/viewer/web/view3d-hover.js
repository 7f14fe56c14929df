// Hover in the 3D view (docs/semantics.md §5.6): finds the cloud point under the cursor with an ID pass (the
// clouds drawn into an RGBA8 target as pixel index + 1 and cloud slot, depth-tested like the picture, the
// rasterisation scissored to the one pixel under the cursor) and shows a tooltip with the entity, the pixel,
// the world position and the server's reference lines ("Depth: …", "Val: …"). Where no point is hit, a colour
// image on its image plane is picked by a ray (its texel and colour, as in the 2D view); a cloud point in front
// of a plane wins, and so does one behind it (points are not depth-compared with planes here).
//
//   const hover = new Hover3D(parent, state, { renderer, idScene, camera: () => camera, clouds: () => list,
//                                              planes: () => meshes });
//   hover.pointAt(cssX, cssY);   // on pointer move; hover.hide() when dragging or leaving

import * as THREE from 'three';
import { HoverTooltip } from './hover-tooltip.js';

export class Hover3D {
  constructor(parent, state, scene) {
    this.scene = scene; // {renderer, idScene, camera(), clouds()}
    this.state = state;
    this.target = null;
    this.pixel = new Uint8Array(4);
    this.tooltip = new HoverTooltip(parent, state, { world: true });
  }

  /** The latest server answer for the hovered pixel ({entity, x, y, lines, world}), or null. */
  get last() {
    return this.tooltip.last;
  }

  /** The cloud point under CSS position (x, y) of the canvas: {cloud, entity, x, y}, or null. */
  pick(cssX, cssY) {
    const { renderer } = this.scene;
    const size = renderer.getDrawingBufferSize(new THREE.Vector2());
    const ratio = renderer.getPixelRatio();
    const px = Math.floor(cssX * ratio);
    const py = size.y - 1 - Math.floor(cssY * ratio); // GL rows go up
    if (px < 0 || py < 0 || px >= size.x || py >= size.y) return null;
    if (!this.target || this.target.width !== size.x || this.target.height !== size.y) {
      this.target?.dispose();
      this.target = new THREE.WebGLRenderTarget(size.x, size.y, {
        type: THREE.UnsignedByteType, format: THREE.RGBAFormat, depthBuffer: true,
        minFilter: THREE.NearestFilter, magFilter: THREE.NearestFilter, generateMipmaps: false,
      });
    }
    // Only the pixel under the cursor is rasterised; the viewport (and so clipping and point sizes) stays
    // the picture's, so what is hit is what is seen.
    this.target.scissor.set(px, py, 1, 1);
    this.target.scissorTest = true;
    const previousTarget = renderer.getRenderTarget();
    const clearColor = renderer.getClearColor(new THREE.Color());
    const clearAlpha = renderer.getClearAlpha();
    try {
      renderer.setRenderTarget(this.target);
      renderer.setClearColor(0x000000, 0);
      renderer.clear();
      renderer.render(this.scene.idScene, this.scene.camera());
      renderer.readRenderTargetPixels(this.target, px, py, 1, 1, this.pixel);
    } finally {
      renderer.setRenderTarget(previousTarget);
      renderer.setClearColor(clearColor, clearAlpha);
    }
    const [r, g, b, slot] = this.pixel;
    const id = r | (g << 8) | (b << 16);
    if (id === 0 || slot === 0) return this.pickPlane(cssX, cssY, size.x / ratio, size.y / ratio);
    const cloud = this.scene.clouds().find((c) => c.slot === slot);
    if (!cloud?.image) return null;
    const index = id - 1;
    return { cloud, entity: cloud.image.entity, x: index % cloud.image.width, y: Math.floor(index / cloud.image.width) };
  }

  /** The colour-image texel on an image plane under CSS (x, y) of a cssWidth x cssHeight canvas, or null. */
  pickPlane(cssX, cssY, cssWidth, cssHeight) {
    const meshes = this.scene.planes?.() ?? [];
    if (!meshes.length) return null;
    this.raycaster ??= new THREE.Raycaster();
    this.raycaster.setFromCamera(new THREE.Vector2(cssX / cssWidth * 2 - 1, 1 - cssY / cssHeight * 2), this.scene.camera());
    const hit = this.raycaster.intersectObjects(meshes, false)[0];
    if (!hit?.uv) return null;
    const image = hit.object.userData.image;
    // uv (0, 0) to (1, 1) spans pixel corners (0, 0) to (W, H): an affine map on the plane, exact per triangle.
    const x = Math.min(image.width - 1, Math.floor(hit.uv.x * image.width));
    const y = Math.min(image.height - 1, Math.floor(hit.uv.y * image.height));
    return { cloud: null, entity: image.entity, x, y };
  }

  /** Picks at (cssX, cssY) and shows or hides the tooltip. */
  pointAt(cssX, cssY) {
    const hit = this.pick(cssX, cssY);
    if (!hit) {
      this.hide();
      return;
    }
    // A point of a cloud drawn in its colour image's colours also gets the colour line of its texel. Read when the
    // tooltip asks, so a refresh after the RGB or occlusion box changed asks as the cloud is now drawn.
    const { cloud } = hit;
    const state = this.state;
    const pixel = {
      entity: hit.entity,
      x: hit.x,
      y: hit.y,
      get rgb() { return cloud != null && cloud.image.rgbSource?.fit != null && state.rgbCloud(cloud.image); },
      get occlusion() { return this.rgb && state.rgbOccluded(cloud.image.rgbSource); },
    };
    this.tooltip.point(pixel, cssX, cssY, [hit.entity, `Pixel: (${hit.x}, ${hit.y})`]);
  }

  /** Asks again for the current pixel (the time or data changed). */
  refresh() {
    this.tooltip.refresh();
  }

  hide() {
    this.tooltip.hide();
  }

  destroy() {
    this.tooltip.destroy();
    this.target?.dispose();
  }
}
