// The hover tooltip's magnifier (docs/semantics.md §4.5 item 2 and 4): the 21 x 21 texels around the picked
// one, colormapped on the GPU by the 2D view's own shader (depth-image-program.js) with the effective
// colormap and range and always Nearest, so the zoom shows exactly the colors of the view. One small
// offscreen WebGL2 context serves every tooltip of the page (both views); it keeps the raw textures of the
// last few hovered images.
//
//   const texels = await zoomTexels(image, state.effective(image), x, y);   // or null if superseded/failed
//   // texels: Uint8ClampedArray, ZOOM_TEXELS² RGBA straight-alpha, top row first; outside the image 0,0,0,0

import { api } from './api.js';
import { colormapId } from './colormaps.js';
import { uploadDepthTexture } from './depth-texture.js';
import { DepthImagePrograms } from './depth-image-program.js';
import { webgl2Context } from './webgl.js';

/** Texels on each side of the picked one. */
export const ZOOM_RADIUS = 10;
/** Texels per side of the zoom. */
export const ZOOM_TEXELS = 2 * ZOOM_RADIUS + 1;
const CACHED_IMAGES = 4;

let context = null; // {gl, programs, framebuffer}
const textures = new Map(); // imageUrl -> Promise<{texture, kind}>, oldest first

function zoomContext() {
  if (context) return context;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const gl = webgl2Context(canvas, { antialias: false, premultipliedAlpha: true });
  // A lost context takes its textures with it: start afresh (new canvas, new context) on the next hover.
  canvas.addEventListener('webglcontextlost', () => {
    context = null;
    textures.clear();
  });
  const target = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, target);
  gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, ZOOM_TEXELS, ZOOM_TEXELS);
  const framebuffer = gl.createFramebuffer();
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, target, 0);
  context = { gl, programs: new DepthImagePrograms(gl), framebuffer };
  return context;
}

/** The raw texture of `image` (scene JSON entry), downloaded once per row (imageUrl names the row). */
function textureOf(image) {
  const key = image.imageUrl;
  let entry = textures.get(key);
  if (entry) {
    textures.delete(key); // re-inserted below: most recently used last
  } else {
    const { gl } = zoomContext();
    entry = api.pixels(key).then((buffer) => {
      const texture = gl.createTexture();
      const kind = uploadDepthTexture(gl, texture, image.datatype, image.width, image.height, buffer);
      return { texture, kind };
    });
    entry.catch(() => { if (textures.get(key) === entry) textures.delete(key); }); // try again next hover
  }
  textures.set(key, entry);
  while (textures.size > CACHED_IMAGES) {
    const [oldKey, oldEntry] = textures.entries().next().value;
    textures.delete(oldKey);
    oldEntry.then(({ texture }) => context.gl.deleteTexture(texture), () => {});
  }
  return entry;
}

/**
 * The zoom around texel (x, y) of `image` drawn with `settings` ({colormap, range}, the filter is ignored:
 * the zoom is always Nearest). Rejects with the reason when the pixels cannot be loaded or drawn.
 */
export async function zoomTexels(image, settings, x, y) {
  const { texture, kind } = await textureOf(image);
  const { gl, programs, framebuffer } = zoomContext();
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
  gl.viewport(0, 0, ZOOM_TEXELS, ZOOM_TEXELS);
  gl.clearColor(0, 0, 0, 0);
  gl.clear(gl.COLOR_BUFFER_BIT);
  // Target pixel i covers texel-space [i, i + 1) shifted so pixel ZOOM_RADIUS is texel x (and y).
  programs.draw({
    kind, texture, width: image.width, height: image.height,
    colormap: colormapId(settings.colormap), range: settings.range, filter: 'Nearest',
  }, { origin: [ZOOM_RADIUS - x, ZOOM_RADIUS - y], texelsPerPixel: [1, 1], targetHeight: ZOOM_TEXELS });
  const bottomUp = new Uint8Array(ZOOM_TEXELS * ZOOM_TEXELS * 4);
  gl.readPixels(0, 0, ZOOM_TEXELS, ZOOM_TEXELS, gl.RGBA, gl.UNSIGNED_BYTE, bottomUp);
  const texels = new Uint8ClampedArray(bottomUp.length);
  const row = ZOOM_TEXELS * 4;
  for (let r = 0; r < ZOOM_TEXELS; r++) {
    texels.set(bottomUp.subarray((ZOOM_TEXELS - 1 - r) * row, (ZOOM_TEXELS - r) * row), r * row);
  }
  // The shader writes premultiplied alpha (RvizCostmap's see-through cells); a 2D canvas wants it straight.
  for (let i = 0; i < texels.length; i += 4) {
    const alpha = texels[i + 3];
    if (alpha === 0 || alpha === 255) continue;
    for (let c = 0; c < 3; c++) texels[i + c] = Math.round((texels[i + c] * 255) / alpha);
  }
  return texels;
}
