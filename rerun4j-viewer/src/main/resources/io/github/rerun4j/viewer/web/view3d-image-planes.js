// Colour images in the 3D view: each one under a pinhole is a textured rectangle on that pinhole's image plane,
// where Rerun draws it (docs/semantics.md §5.7: the image's pixel corners unprojected at the frustum's image plane distance,
// computed by the server as `imagePlane`; an image of the pinhole's resolution fills the frustum's far
// rectangle). Texels are the server's RGBA8 on-screen colours, magnified with the image's filter (Nearest, or
// bilinear for Linear and Bicubic) and minified bilinear, with the opacity (logged, else 1: in 3D no depth image
// is drawn as a 2D rectangle under it).
//
//   const planes = new ImagePlanes(threeScene, onLoaded, onError);
//   planes.sync(scene.colorImages.filter((c) => c.imagePlane));   // every update
//   planes.ready(images);                                          // all pixels loaded?

import * as THREE from 'three';
import { api } from './api.js';

const VERTEX = `precision highp float;
in vec3 position;
in vec2 uv;
uniform mat4 modelViewMatrix;
uniform mat4 projectionMatrix;
out vec2 v_uv;
void main() {
  v_uv = uv;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}`;

const FRAGMENT = `precision highp float;
uniform sampler2D u_texture; // RGBA8 sRGB bytes, alpha not premultiplied
uniform float u_opacity;
in vec2 v_uv;
out vec4 fragColor;
void main() {
  vec4 c = texture(u_texture, v_uv);
  fragColor = vec4(c.rgb * c.a, c.a) * u_opacity; // premultiplied, as the canvas blends
}`;

export class ImagePlanes {
  constructor(scene, onLoaded, onError) {
    this.scene = scene;
    this.onLoaded = onLoaded;
    this.onError = onError;
    this.planes = new Map(); // entity -> {mesh, rowId, pending}
  }

  /** Creates, updates and removes planes so there is one per image of `images` (scene colorImages with a plane). */
  sync(images) {
    const wanted = new Set(images.map((image) => image.entity));
    for (const [entity, plane] of this.planes) {
      if (!wanted.has(entity)) {
        this.remove(plane);
        this.planes.delete(entity);
      }
    }
    for (const image of images) {
      let plane = this.planes.get(image.entity);
      if (!plane) {
        const material = new THREE.RawShaderMaterial({
          glslVersion: THREE.GLSL3, vertexShader: VERTEX, fragmentShader: FRAGMENT,
          uniforms: { u_texture: { value: null }, u_opacity: { value: 1 } },
          side: THREE.DoubleSide, transparent: true, blending: THREE.CustomBlending,
          blendSrc: THREE.OneFactor, blendDst: THREE.OneMinusSrcAlphaFactor,
        });
        const geometry = new THREE.BufferGeometry();
        // Pixel corners (0,0), (0,H), (W,H), (W,0); texture row 0 is the image's top row (no flip).
        geometry.setAttribute('uv', new THREE.Float32BufferAttribute([0, 0, 0, 1, 1, 1, 1, 0], 2));
        geometry.setIndex([0, 1, 2, 0, 2, 3]);
        plane = { mesh: new THREE.Mesh(geometry, material), rowId: null, pending: null };
        plane.mesh.visible = false;
        this.planes.set(image.entity, plane);
        this.scene.add(plane.mesh);
      }
      const { mesh } = plane;
      mesh.userData.image = image; // for hover (view3d-hover.js)
      mesh.geometry.setAttribute('position', new THREE.Float32BufferAttribute(image.imagePlane, 3));
      mesh.geometry.computeBoundingSphere();
      const opacity = image.opacity ?? 1;
      mesh.material.uniforms.u_opacity.value = Math.min(1, Math.max(0, opacity));
      mesh.material.depthWrite = opacity >= 1;
      if (plane.rowId === image.rowId || plane.pending === image.rowId) {
        this.setFilter(plane, image);
        continue;
      }
      plane.pending = image.rowId;
      api.pixels(image.imageUrl).then((buffer) => {
        if (this.planes.get(image.entity) !== plane || plane.pending !== image.rowId) return; // superseded
        const texture = new THREE.DataTexture(new Uint8Array(buffer), image.width, image.height,
          THREE.RGBAFormat, THREE.UnsignedByteType);
        texture.flipY = false;
        texture.generateMipmaps = false;
        texture.minFilter = THREE.LinearFilter;
        texture.needsUpdate = true;
        mesh.material.uniforms.u_texture.value?.dispose();
        mesh.material.uniforms.u_texture.value = texture;
        plane.rowId = image.rowId;
        plane.pending = null;
        this.setFilter(plane, image);
        mesh.visible = true;
        this.onLoaded();
      }).catch((e) => {
        if (plane.pending === image.rowId) plane.pending = null;
        this.onError(`${image.entity}: ${e.message}`);
      });
    }
  }

  setFilter(plane, image) {
    const texture = plane.mesh.material.uniforms.u_texture.value;
    if (!texture) return;
    const filter = image.effectiveMagnificationFilter === 'Nearest' ? THREE.NearestFilter : THREE.LinearFilter;
    if (texture.magFilter !== filter) {
      texture.magFilter = filter;
      texture.needsUpdate = true;
    }
  }

  /** True when every image of `images` shows its current row. */
  ready(images) {
    return images.every((image) => this.planes.get(image.entity)?.rowId === image.rowId);
  }

  /** The drawn planes' meshes (userData.image: the scene entry), for picking. */
  get meshes() {
    return [...this.planes.values()].filter((p) => p.mesh.visible).map((p) => p.mesh);
  }

  get entities() {
    return [...this.planes.keys()];
  }

  remove(plane) {
    this.scene.remove(plane.mesh);
    plane.mesh.material.uniforms.u_texture.value?.dispose();
    plane.mesh.material.dispose();
    plane.mesh.geometry.dispose();
  }

  dispose() {
    for (const plane of this.planes.values()) this.remove(plane);
    this.planes.clear();
  }
}
