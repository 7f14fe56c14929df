// The 3D view (docs/semantics.md §5): every depth image under a pinhole as a point cloud back-projected on the
// GPU (depth-cloud.js), every colour image under a pinhole on its image plane (view3d-image-planes.js), pinhole
// frustums, a ground grid and world axes, with three.js. The camera orbits,
// pans and zooms (OrbitControls); it frames the scene box from Rerun's default eye when the scene first
// appears, on double-click, and when the box changes a lot (boxChangedALot) while the user has not moved
// the camera since it was last framed; otherwise it is left where the user put it. Overrides apply on update().
//
// Test hooks on the returned view: ready (every cloud has its pixels), pointCount() (CPU count of the points
// drawn), gpuPointCount() (the same counted by an occlusion-free GPU pass), readPixels() ({width, height,
// base64} RGBA rows top to bottom, of a fresh render), camera() (eye, target, up, fovY, viewProjection and
// the canvas rectangle), lookAt(position, target, up, fovY), pick(x, y) (the cloud pixel under a canvas position), lastHover ({entity, x, y,
// lines, world}), drawn (the entities with a cloud or a frustum: not those hidden in the streams tree) and
// timeRenders(n, withClouds) (mean ms per render, GPU finished).

import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { api } from './api.js';
import { DepthCloud } from './depth-cloud.js';
import { boxChangedALot, defaultEye, NEAR } from './camera3d.js';
import { Guides } from './view3d-guides.js';
import { Hover3D } from './view3d-hover.js';
import { ImagePlanes } from './view3d-image-planes.js';
import { webgl2Context } from './webgl.js';

const MAX_CLOUDS = 255; // the ID pass has one byte for the cloud

function toBase64(bytes) {
  let text = '';
  const chunk = 0x8000; // String.fromCharCode takes a bounded number of arguments
  for (let i = 0; i < bytes.length; i += chunk) text += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk));
  return btoa(text);
}

export function createView3D(parent, state) {
  // The context is asked for here, not by three, so that a browser without WebGL2 gets a clear message.
  const glCanvas = document.createElement('canvas');
  const context = webgl2Context(glCanvas, { antialias: false, alpha: false });
  const renderer = new THREE.WebGLRenderer({ canvas: glCanvas, context, antialias: false, alpha: false });
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  renderer.setClearColor(0x000000, 1);
  const canvas = renderer.domElement;
  const note = document.createElement('div');
  note.style.cssText = 'position:absolute;left:8px;top:8px;color:#ffd7d7;white-space:pre-wrap;pointer-events:none';
  // The RGB cloud toggle of this view (rerun4j extension, off: clouds in colormap colours as in Rerun); an
  // entity's own choice in the selection panel wins over it.
  // Beside it, the occlusion test for colour cameras under a pinhole of their own (the CLI's --rgb-occlusion).
  const rgbToggle = document.createElement('div');
  rgbToggle.className = 'rgb-toggle';
  rgbToggle.style.cssText = 'position:absolute;right:8px;top:8px;color:#ddd;font-size:12px;user-select:none';
  rgbToggle.innerHTML = '<label title="rerun4j extension: colour each cloud from the colour image under its pinhole">'
    + '<input type="checkbox" class="rgb-clouds"> RGB clouds</label> '
    + '<label title="a colour camera under a pinhole of its own: points hidden from it by nearer ones keep the colormap">'
    + '<input type="checkbox" class="rgb-occlusion"> occlusion</label>';
  const rgbCheckbox = rgbToggle.querySelector('.rgb-clouds');
  const occlusionCheckbox = rgbToggle.querySelector('.rgb-occlusion');
  rgbCheckbox.addEventListener('change', () => state.setRgbClouds(rgbCheckbox.checked));
  occlusionCheckbox.addEventListener('change', () => state.setRgbOcclusion(occlusionCheckbox.checked));
  parent.append(canvas, note, rgbToggle);

  const scene = new THREE.Scene();
  const idScene = new THREE.Scene();
  const camera = new THREE.PerspectiveCamera(55, 1, NEAR, 1e5);
  const controls = new OrbitControls(camera, canvas);
  const guides = new Guides(scene);
  const planes = new ImagePlanes(scene, () => { showProblem(null); requestFrame(); }, (message) => showProblem(message));
  const clouds = new Map(); // entity -> DepthCloud
  const hover = new Hover3D(parent, state, { renderer, idScene, camera: () => camera, clouds: () => [...clouds.values()],
    planes: () => planes.meshes });

  let framed = null; // {recording, bounds}: what the camera was last framed for
  let userMoved = false; // the user moved the camera since it was last framed
  let frameRequested = false;
  let pickRequested = false;
  let destroyed = false;
  let pointer = null; // last CSS position over the canvas while not dragging

  function showProblem(message) {
    note.textContent = message ?? '';
  }

  function resize() {
    const width = Math.max(1, parent.clientWidth);
    const height = Math.max(1, parent.clientHeight);
    const size = renderer.getSize(new THREE.Vector2());
    if (size.x !== width || size.y !== height) {
      renderer.setSize(width, height, false); // CSS sizes the canvas
      camera.aspect = width / height;
      camera.updateProjectionMatrix();
    }
  }

  function render() {
    resize();
    controls.update();
    renderer.setRenderTarget(null);
    renderer.render(scene, camera);
  }

  function requestFrame() {
    if (frameRequested || destroyed) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      if (destroyed) return;
      render();
      if (pointer) requestPick(); // the picture under a resting cursor changed
    });
  }

  /** One ID pass per animation frame however many pointer events arrive (it costs a full vertex pass). */
  function requestPick() {
    if (pickRequested || destroyed) return;
    pickRequested = true;
    requestAnimationFrame(() => {
      pickRequested = false;
      if (!destroyed && pointer) hover.pointAt(pointer.x, pointer.y);
    });
  }

  /** Rerun's default eye on the current scene box. */
  function frame() {
    const eye = defaultEye(state.scene?.bounds, state.scene?.axes);
    camera.up.copy(eye.up);
    camera.position.copy(eye.position);
    camera.fov = eye.fovY;
    camera.far = Math.max(1e3, eye.distance * 1e3);
    camera.updateProjectionMatrix();
    controls.target.copy(eye.target);
    controls.update();
    userMoved = false;
    framed = { recording: state.recording, bounds: state.scene?.bounds ?? null };
    guides.fitTo(state.scene?.bounds, state.scene?.axes);
    requestFrame();
  }

  /** The depth images drawn as clouds: those with a camera that the user has not hidden. */
  function cloudImages() {
    return (state.scene?.depthImages ?? []).filter((image) => image.camera && state.isVisible(image.entity));
  }

  /** The colour images drawn on image planes: those under a pinhole that the user has not hidden. */
  function planeImages() {
    return (state.scene?.colorImages ?? []).filter((image) => image.imagePlane && state.isVisible(image.entity));
  }

  function visiblePinholes() {
    return (state.scene?.pinholes ?? []).filter((pinhole) => state.isVisible(pinhole.entity));
  }

  /** Creates, reloads and removes clouds so there is one per drawn depth image (cloudImages). */
  function syncClouds() {
    const images = cloudImages();
    const wanted = new Set(images.map((image) => image.entity));
    for (const [entity, cloud] of clouds) {
      if (!wanted.has(entity)) {
        cloud.dispose();
        clouds.delete(entity);
      }
    }
    for (const image of images) {
      let cloud = clouds.get(image.entity);
      if (!cloud) {
        const used = new Set([...clouds.values()].map((c) => c.slot));
        let slot = 1;
        while (used.has(slot)) slot++;
        if (slot > MAX_CLOUDS) {
          showProblem(`more than ${MAX_CLOUDS} depth clouds: ${image.entity} is not drawn`);
          continue;
        }
        cloud = new DepthCloud(slot);
        cloud.pendingRow = null;
        clouds.set(image.entity, cloud);
        scene.add(cloud.points);
        idScene.add(cloud.idPoints);
      }
      const settings = state.effective(image);
      cloud.configure(image, settings);
      syncColorSource(cloud, state.rgbCloud(image) ? image.rgbSource : null);
      if (cloud.rowId === image.rowId || cloud.pendingRow === image.rowId) continue;
      cloud.pendingRow = image.rowId;
      api.pixels(image.imageUrl).then((buffer) => {
        if (destroyed || clouds.get(image.entity) !== cloud || cloud.pendingRow !== image.rowId) return; // superseded
        cloud.setPixels(image, buffer);
        cloud.pendingRow = null;
        showProblem(null);
        requestFrame();
      }).catch((e) => {
        if (cloud.pendingRow === image.rowId) cloud.pendingRow = null;
        showProblem(`${image.entity}: ${e.message}`);
      });
    }
  }

  /** RGB cloud: the colour texels of `source` (scene rgbSource) onto `cloud`, or back to the colormap. */
  function syncColorSource(cloud, source) {
    const url = source ? state.rgbSourceUrl(source) : null;
    cloud.wantedColorUrl = url;
    if (!url) {
      cloud.setColorSource(null);
      return;
    }
    if (cloud.colorUrl === url) {
      cloud.setColorSource(source, null, url);
      return;
    }
    api.pixels(url).then((buffer) => {
      if (destroyed || cloud.wantedColorUrl !== url) return; // superseded
      cloud.setColorSource(source, buffer, url);
      requestFrame();
    }).catch((e) => showProblem(`${source.entity}: ${e.message}`));
  }

  function isReady() {
    const images = cloudImages();
    const colorReady = (cloud) => cloud.wantedColorUrl == null || cloud.colorUrl === cloud.wantedColorUrl;
    return state.scene != null && images.every((image) => clouds.get(image.entity)?.rowId === image.rowId
        && colorReady(clouds.get(image.entity)))
      && planes.ready(planeImages());
  }

  /** Test hook: the valid pixels of every drawn cloud, counted by the GPU without occlusion. */
  function gpuPointCount() {
    let total = 0;
    const countScene = new THREE.Scene();
    for (const cloud of clouds.values()) {
      if (!cloud.rowId) continue;
      const { width, height } = cloud.image;
      const target = new THREE.WebGLRenderTarget(width, height, { type: THREE.UnsignedByteType, depthBuffer: false });
      const bytes = new Uint8Array(width * height * 4);
      try {
        countScene.add(cloud.countPoints);
        renderer.setRenderTarget(target);
        renderer.setClearColor(0x000000, 0);
        renderer.clear();
        renderer.render(countScene, camera);
        renderer.readRenderTargetPixels(target, 0, 0, width, height, bytes);
      } finally {
        countScene.remove(cloud.countPoints);
        renderer.setRenderTarget(null);
        renderer.setClearColor(0x000000, 1);
        target.dispose();
      }
      for (let i = 3; i < bytes.length; i += 4) if (bytes[i] !== 0) total++;
    }
    return total;
  }

  /** Test hook: a fresh render of the canvas, read in the same task (before the browser composites it). */
  function readPixels() {
    render();
    const gl = renderer.getContext();
    const width = gl.drawingBufferWidth;
    const height = gl.drawingBufferHeight;
    const bottomUp = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, bottomUp);
    const topDown = new Uint8Array(bottomUp.length);
    const row = width * 4;
    for (let y = 0; y < height; y++) topDown.set(bottomUp.subarray((height - 1 - y) * row, (height - y) * row), y * row);
    return { width, height, base64: toBase64(topDown) };
  }

  /** Test hook: where the camera is and how it projects (column-major viewProjection, CSS canvas box). */
  function cameraInfo() {
    camera.updateMatrixWorld();
    const viewProjection = new THREE.Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
    const box = canvas.getBoundingClientRect();
    return {
      position: camera.position.toArray(),
      target: controls.target.toArray(),
      up: camera.up.toArray(),
      fovY: camera.fov,
      near: camera.near,
      viewProjection: viewProjection.toArray(),
      canvas: { left: box.left, top: box.top, width: box.width, height: box.height },
    };
  }

  /** Measurement hook: mean milliseconds per full render (GPU finished: one pixel is read back each time). */
  function timeRenders(count, withClouds = true) {
    const gl = renderer.getContext();
    for (const cloud of clouds.values()) cloud.points.visible = withClouds && cloud.rowId != null;
    const one = new Uint8Array(4);
    render();
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, one);
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      renderer.render(scene, camera);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, one);
    }
    const mean = (performance.now() - start) / count;
    for (const cloud of clouds.values()) cloud.points.visible = cloud.rowId != null;
    return mean;
  }

  controls.addEventListener('change', requestFrame);
  controls.addEventListener('start', () => { pointer = null; userMoved = true; hover.hide(); });
  canvas.addEventListener('dblclick', frame);
  canvas.addEventListener('pointermove', (e) => {
    if (e.buttons !== 0) return; // dragging the camera
    const box = canvas.getBoundingClientRect();
    pointer = { x: e.clientX - box.left, y: e.clientY - box.top };
    requestPick();
  });
  canvas.addEventListener('pointerleave', () => { pointer = null; hover.hide(); });
  const resizeObserver = new ResizeObserver(requestFrame);
  resizeObserver.observe(parent);

  return {
    update() {
      if (!state.scene) return;
      try {
        rgbCheckbox.checked = state.rgbClouds;
        occlusionCheckbox.checked = state.rgbOcclusion;
        syncClouds();
        planes.sync(planeImages());
        guides.setFrustums(visiblePinholes());
        // Frame a recording's scene when it first appears (again if it had no box yet, e.g. live data
        // still arriving) and when its box changes a lot under a camera the user has not touched; once the
        // user moves the camera it is theirs until a double-click.
        const bounds = state.scene.bounds;
        if (framed?.recording !== state.recording || (framed.bounds == null && bounds != null)
            || (!userMoved && boxChangedALot(framed.bounds, bounds))) {
          resize();
          frame();
        }
        hover.refresh();
      } catch (e) {
        showProblem(e.message);
      }
      requestFrame();
    },
    destroy() {
      destroyed = true;
      resizeObserver.disconnect();
      controls.dispose();
      hover.destroy();
      for (const cloud of clouds.values()) cloud.dispose();
      clouds.clear();
      planes.dispose();
      guides.dispose();
      renderer.dispose();
      canvas.remove();
      note.remove();
      rgbToggle.remove();
    },
    get ready() { return isReady(); },
    get lastHover() { return hover.last; },
    get drawn() { return [...new Set([...clouds.keys(), ...planes.entities, ...visiblePinholes().map((p) => p.entity)])].sort(); },
    pointCount: () => [...clouds.values()].reduce((sum, cloud) => sum + (cloud.rowId ? cloud.validCount : 0), 0),
    gpuPointCount,
    /** Puts the eye at `position` looking at `target` (arrays of 3), with `up`; fovY in degrees if given. */
    lookAt(position, target, up, fovY) {
      camera.up.fromArray(up);
      camera.position.fromArray(position);
      if (fovY) camera.fov = fovY;
      camera.updateProjectionMatrix();
      controls.target.fromArray(target);
      controls.update();
      userMoved = true; // as if the user had put it there
      requestFrame();
    },
    /** Test hook: the cloud pixel drawn at CSS (x, y) of the canvas, {entity, x, y}, or null. */
    pick(x, y) {
      render();
      const hit = hover.pick(x, y);
      return hit && { entity: hit.entity, x: hit.x, y: hit.y };
    },
    readPixels,
    camera: cameraInfo,
    timeRenders,
  };
}
