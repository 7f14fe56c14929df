// The 2D view of one image (docs/semantics.md §4): draws it with WebGL2 together with the other images of the
// same 2D space in draw order: depth images (DepthImage, and EncodedDepthImage decoded by the server) as raw
// texels normalised, filtered and colormapped on the GPU (depth-image-program.js), colour images as the server's
// RGBA8 texels with their opacity (color-image-program.js); zoom (wheel, around the cursor), pan (drag),
// double-click to fit; hover shows the server's reference hover text and outlines the texel. An image whose blob
// does not decode (scene.imageErrors) says why in the view.
//
// Test hooks on the returned view: readPixels(w, h) renders the image exactly filling a w x h target and
// returns base64 RGBA rows top to bottom; lastHover is {entity, x, y, lines} of the latest answered hover
// (null when not hovering an image); ready is true once every drawn image has its pixels; drawn lists the
// entities drawn (those hidden in the streams tree are not).

import { api } from './api.js';
import { colormapId } from './colormaps.js';
import { uploadDepthTexture } from './depth-texture.js';
import { DepthImagePrograms, ENCODED_DEPTH_FILTER } from './depth-image-program.js';
import { ColorImageProgram, uploadColorTexture } from './color-image-program.js';
import { LinearCompositor } from './linear-compositor.js';
import { HoverReadout } from './view2d-hover.js';
import { webgl2Context } from './webgl.js';

const ZOOM_PER_WHEEL_PIXEL = 0.0015;
const MIN_SCALE = 1e-3; // CSS px per texel
const MAX_SCALE = 1e4;

/** The 2D space an image is drawn in: its parent entity. */
export function parentOf(entity) {
  const cut = entity.lastIndexOf('/');
  return cut <= 0 ? '/' : entity.slice(0, cut);
}

/**
 * The images of the scene drawn in the view of `entity`: depth and colour images of its 2D space, lowest draw
 * order first (colour images' -10 above depth images' -20 unless logged otherwise).
 */
export function imagesInSpaceOf(scene, entity) {
  const space = parentOf(entity);
  return [...(scene?.depthImages ?? []), ...(scene?.colorImages ?? [])]
    .filter((image) => parentOf(image.entity) === space)
    .sort((a, b) => a.effectiveDrawOrder - b.effectiveDrawOrder || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
}

/** True for a colour image of the scene (its texels are RGBA8), false for a depth image. */
function isColor(image) {
  return image.datatype === undefined;
}

/**
 * A colour image's opacity in a 2D view drawing `drawList`: the logged one, else 0.5 when the view draws a
 * DepthImage (so the depth shows through, as in Rerun), else 1. Encoded depth counts as a colour image there,
 * as in Rerun 0.33 (docs/semantics.md §7), so it does not make colour images transparent.
 */
export function colorOpacity(image, drawList) {
  if (image.opacity != null) return image.opacity;
  return drawList.some((other) => !isColor(other) && other.encoding == null) ? 0.5 : 1;
}

function toBase64(bytes) {
  let text = '';
  const chunk = 0x8000; // String.fromCharCode takes a bounded number of arguments
  for (let i = 0; i < bytes.length; i += chunk) text += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk));
  return btoa(text);
}

export function createView2D(parent, state, entity) {
  const canvas = document.createElement('canvas');
  const note = document.createElement('div');
  note.style.cssText = 'position:absolute;left:8px;top:8px;color:#ffd7d7;white-space:pre-wrap;pointer-events:none';
  const gl = webgl2Context(canvas, { antialias: false, premultipliedAlpha: true });
  parent.append(canvas, note);
  const programs = new DepthImagePrograms(gl);
  const colorProgram = new ColorImageProgram(gl);
  const compositor = new LinearCompositor(gl);

  const layers = new Map(); // entity -> {rowId, texture, kind, width, height, pending}
  let drawList = [];        // scene depth images to draw, lowest draw order first
  let camera = { scale: 1, offsetX: 0, offsetY: 0, fitted: true }; // screen = space * scale + offset (CSS px)
  let frameRequested = false;
  let destroyed = false;

  const hover = new HoverReadout(parent, state, {
    toScreen: (x, y) => [x * camera.scale + camera.offsetX, y * camera.scale + camera.offsetY],
    scale: () => camera.scale,
  });

  let problem = '';       // what this view cannot do now (loading failed, no image, hidden)
  let decodeProblems = ''; // the space's images whose blobs do not decode, kept while those frames are shown

  function showProblem(message) {
    problem = message ?? '';
    note.textContent = [problem, decodeProblems].filter(Boolean).join('\n');
  }

  function thisImage() {
    return drawList.find((image) => image.entity === entity) ?? null;
  }

  /** Frames the image rectangle in the view, aspect kept, centred. */
  function fit() {
    const image = thisImage();
    // The exact CSS box: grid cells have fractional sizes, which clientWidth/Height would round.
    const { width, height } = canvas.getBoundingClientRect();
    if (!image || !width || !height) return;
    const scale = Math.min(width / image.width, height / image.height);
    camera = {
      scale,
      offsetX: (width - image.width * scale) / 2,
      offsetY: (height - image.height * scale) / 2,
      fitted: true,
    };
  }

  function requestFrame() {
    if (frameRequested || destroyed) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      if (!destroyed) drawToCanvas();
    });
  }

  /** Downloads and uploads the pixels of every drawn image whose row changed. */
  function syncTextures() {
    const wanted = new Set(drawList.map((image) => image.entity));
    for (const [key, layer] of layers) {
      if (!wanted.has(key)) {
        gl.deleteTexture(layer.texture);
        layers.delete(key);
      }
    }
    for (const image of drawList) {
      let layer = layers.get(image.entity);
      if (!layer) {
        layer = { rowId: null, pending: null, texture: gl.createTexture(), kind: null, width: 0, height: 0 };
        layers.set(image.entity, layer);
      }
      if (layer.rowId === image.rowId || layer.pending === image.rowId) continue;
      layer.pending = image.rowId;
      api.pixels(image.imageUrl).then((buffer) => {
        if (destroyed || layer.pending !== image.rowId || layers.get(image.entity) !== layer) return; // superseded
        if (isColor(image)) {
          uploadColorTexture(gl, layer.texture, image.width, image.height, buffer);
          layer.kind = 'color';
        } else {
          layer.kind = uploadDepthTexture(gl, layer.texture, image.datatype, image.width, image.height, buffer);
        }
        layer.width = image.width;
        layer.height = image.height;
        layer.rowId = image.rowId;
        layer.pending = null;
        showProblem(null);
        requestFrame();
      }).catch((e) => {
        if (layer.pending === image.rowId) layer.pending = null;
        showProblem(`${image.entity}: ${e.message}`);
      });
    }
  }

  function isReady() {
    return drawList.length > 0
      && drawList.every((image) => layers.get(image.entity)?.rowId === image.rowId);
  }

  /**
   * Draws every loaded image onto `framebuffer` (null: the canvas) of width x height, already cleared; mapping
   * turns target pixels into texel-space points. With a colour layer the layers blend in linear light
   * (linear-compositor.js); depth images alone draw straight to the target, as they always did.
   */
  function drawImages(mapping, framebuffer, width, height) {
    if (!drawList.some(isColor)) {
      drawLayers(mapping);
      return;
    }
    compositor.begin(width, height);
    try {
      drawLayers({ ...mapping, linearOut: true });
    } finally {
      compositor.end(framebuffer, width, height);
    }
  }

  function drawLayers(mapping) {
    for (const image of drawList) {
      const layer = layers.get(image.entity);
      if (!layer || layer.rowId == null) continue; // still loading: draw the others
      if (isColor(image)) {
        colorProgram.draw({
          texture: layer.texture,
          width: layer.width,
          height: layer.height,
          filter: image.effectiveMagnificationFilter,
          opacity: colorOpacity(image, drawList),
        }, mapping);
        continue;
      }
      const settings = state.effective(image);
      programs.draw({
        kind: layer.kind,
        texture: layer.texture,
        width: layer.width,
        height: layer.height,
        colormap: colormapId(settings.colormap),
        range: settings.range,
        // Encoded depth keeps its own 2D filtering whatever is logged or overridden (EncodedDepth.overrides2D).
        filter: image.encoding != null ? ENCODED_DEPTH_FILTER : settings.filter,
      }, mapping);
    }
  }

  function drawToCanvas() {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    if (camera.fitted) fit();
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    try {
      drawImages({
        origin: [camera.offsetX * ratio, camera.offsetY * ratio],
        texelsPerPixel: [1 / (camera.scale * ratio), 1 / (camera.scale * ratio)],
        targetHeight: height,
      }, null, width, height);
    } catch (e) {
      showProblem(e.message);
    }
    hover.reposition();
  }

  /** Test hook: the image(s) rendered so this image's rectangle fills width x height exactly. */
  function readPixels(width, height) {
    const image = thisImage();
    if (!image || !isReady()) throw new Error(`view ${entity}: pixels not loaded yet (wait for view.ready)`);
    const target = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, target);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, width, height);
    const framebuffer = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, target, 0);
    try {
      gl.viewport(0, 0, width, height);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
      // Same f32 step as the reference: output pixel i samples (i + 0.5) * (W / outW).
      drawImages({
        origin: [0, 0],
        texelsPerPixel: [Math.fround(image.width / width), Math.fround(image.height / height)],
        targetHeight: height,
      }, framebuffer, width, height);
      const bottomUp = new Uint8Array(width * height * 4);
      gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, bottomUp);
      const topDown = new Uint8Array(bottomUp.length);
      const row = width * 4;
      for (let y = 0; y < height; y++) topDown.set(bottomUp.subarray((height - 1 - y) * row, (height - y) * row), y * row);
      return toBase64(topDown);
    } finally {
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.deleteFramebuffer(framebuffer);
      gl.deleteTexture(target);
    }
  }

  // ---- interaction -------------------------------------------------------------------------------------

  function localPoint(event) {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  /** The top-most drawn image under a point in CSS pixels, and the texel there. */
  function pick(screenX, screenY) {
    const x = (screenX - camera.offsetX) / camera.scale;
    const y = (screenY - camera.offsetY) / camera.scale;
    for (let i = drawList.length - 1; i >= 0; i--) {
      const image = drawList[i];
      if (x >= 0 && y >= 0 && x < image.width && y < image.height) {
        return { entity: image.entity, x: Math.floor(x), y: Math.floor(y) };
      }
    }
    return null;
  }

  let drag = null;
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', (event) => {
    const [sx, sy] = localPoint(event);
    if (drag) {
      camera = { ...camera, offsetX: camera.offsetX + event.clientX - drag.x, offsetY: camera.offsetY + event.clientY - drag.y, fitted: false };
      drag = { x: event.clientX, y: event.clientY };
      hover.hide();
      requestFrame();
      return;
    }
    hover.point(pick(sx, sy), sx, sy);
  });
  const endDrag = (event) => {
    if (!drag) return;
    drag = null;
    if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener('pointerleave', () => { if (!drag) hover.hide(); });
  canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    const [sx, sy] = localPoint(event);
    const pixels = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY; // lines -> pixels
    const wanted = camera.scale * Math.exp(-pixels * ZOOM_PER_WHEEL_PIXEL);
    // Bounded so the image neither vanishes nor turns one texel into a float overflow.
    const factor = Math.min(Math.max(wanted, MIN_SCALE), MAX_SCALE) / camera.scale;
    camera = {
      scale: camera.scale * factor,
      offsetX: sx - (sx - camera.offsetX) * factor, // the space point under the cursor stays put
      offsetY: sy - (sy - camera.offsetY) * factor,
      fitted: false,
    };
    hover.point(pick(sx, sy), sx, sy);
    requestFrame();
  }, { passive: false });
  canvas.addEventListener('dblclick', () => {
    camera = { ...camera, fitted: true };
    requestFrame();
  });

  const resizeObserver = new ResizeObserver(() => requestFrame());
  resizeObserver.observe(canvas);

  return {
    update() {
      const inSpace = imagesInSpaceOf(state.scene, entity);
      drawList = inSpace.filter((image) => state.isVisible(image.entity));
      const status = [`${entity}: no depth image at this time`, `${entity}: hidden (the eye in the streams panel)`];
      // A blob that does not decode: this view says so (and the banner, app.js); the space's other images are
      // still drawn.
      decodeProblems = (state.scene?.imageErrors ?? []).filter((e) => parentOf(e.entity) === parentOf(entity))
        .map((e) => `${e.entity}: cannot draw this ${e.archetype}: ${e.error}`).join('\n');
      const broken = decodeProblems !== '';
      if (!thisImage() && !broken) showProblem(inSpace.some((image) => image.entity === entity) ? status[1] : status[0]);
      else showProblem(status.includes(problem) ? null : problem); // also shows decodeProblems as they are now
      syncTextures();
      hover.refresh(); // the value under the cursor may have changed with the time
      requestFrame();
    },
    destroy() {
      destroyed = true;
      resizeObserver.disconnect();
      hover.destroy();
      for (const layer of layers.values()) gl.deleteTexture(layer.texture);
      layers.clear();
      compositor.dispose();
      canvas.remove();
      note.remove();
    },
    readPixels,
    get ready() { return isReady(); },
    get lastHover() { return hover.last; },
    get drawn() { return drawList.map((image) => image.entity); },
    /** {scale, offsetX, offsetY, fitted}: screen CSS px = space * scale + offset. */
    get camera() { return { ...camera }; },
    canvas,
  };
}
