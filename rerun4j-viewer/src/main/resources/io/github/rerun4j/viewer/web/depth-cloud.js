// One depth image seen through its pinhole as a three.js point cloud, back-projected on the GPU
// (depth-cloud-shaders.js). Owns the raw depth texture and three objects sharing it: the visible points,
// the points of the hover ID pass, and the points of the occlusion-free count pass. The pixels are uploaded
// unchanged; meter, intrinsics, pose, colormap, range and fill ratio are uniforms, so overrides cost nothing.
//
//   const cloud = new DepthCloud(slot);
//   cloud.setPixels(image, arrayBuffer);               // when image.rowId changes
//   cloud.configure(image, state.effective(image));    // every update
//   scene.add(cloud.points); idScene.add(cloud.idPoints);

import * as THREE from 'three';
import { colormapId } from './colormaps.js';
import { textureData } from './depth-texture.js';
import { depthCloudShaders } from './depth-cloud-shaders.js';

/** datatype -> three texture format, type, internal format and sampler kind (64-bit types arrive as f32). */
const TEXTURE_FORMATS = {
  U8: [THREE.RedIntegerFormat, THREE.UnsignedByteType, 'R8UI', 'uint'],
  U16: [THREE.RedIntegerFormat, THREE.UnsignedShortType, 'R16UI', 'uint'],
  U32: [THREE.RedIntegerFormat, THREE.UnsignedIntType, 'R32UI', 'uint'],
  I8: [THREE.RedIntegerFormat, THREE.ByteType, 'R8I', 'int'],
  I16: [THREE.RedIntegerFormat, THREE.ShortType, 'R16I', 'int'],
  I32: [THREE.RedIntegerFormat, THREE.IntType, 'R32I', 'int'],
  F16: [THREE.RedFormat, THREE.HalfFloatType, 'R16F', 'float'],
  F32: [THREE.RedFormat, THREE.FloatType, 'R32F', 'float'],
  F64: [THREE.RedFormat, THREE.FloatType, 'R32F', 'float'],
  U64: [THREE.RedFormat, THREE.FloatType, 'R32F', 'float'],
  I64: [THREE.RedFormat, THREE.FloatType, 'R32F', 'float'],
};

const FLOAT_MAX = 3.4028234663852886e38;
const FLOAT_MIN_NORMAL = 1.1754943508222875e-38;

/**
 * Number of pixels the shader turns into points: 0 < f32(raw) * f32(1/meter) < FLT_MAX, all in f32, with
 * subnormal results counted as zero like the shader does (depth-cloud-shaders.js, validDepth).
 */
export function countValidDepths(values, isHalf, meter) {
  const invMeter = Math.fround(1 / Math.fround(meter));
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const raw = isHalf ? THREE.DataUtils.fromHalfFloat(values[i]) : Math.fround(Number(values[i]));
    const z = Math.fround(raw * invMeter);
    if (z >= FLOAT_MIN_NORMAL && z < FLOAT_MAX) count++;
  }
  return count;
}

export class DepthCloud {
  /** @param slot 1..255, written into the ID pass so a hit names its cloud */
  constructor(slot) {
    this.slot = slot;
    this.image = null;       // the scene JSON entry drawn
    this.rowId = null;       // whose pixels are in the texture
    this.validCount = 0;     // CPU count of the points drawn
    this.texture = null;
    this.kind = null;
    this.uniforms = {
      depthTexture: { value: null },
      intrinsics: { value: new THREE.Vector4() },
      worldFromRdf: { value: new THREE.Matrix4() },
      invMeter: { value: 1 },
      rangeStart: { value: 0 },
      invRangeSpan: { value: 1 },
      radiusPerDepth: { value: 0 },
      targetHeight: { value: 1 },
      colormap: { value: 5 },
      rgbMode: { value: 0 },
      colorTexture: { value: null },
      slot: { value: slot },
    };
    this.geometry = new THREE.BufferGeometry(); // no attributes: gl_VertexID is the pixel index
    this.geometry.boundingSphere = new THREE.Sphere(new THREE.Vector3(), Infinity);
    this.points = this.makePoints();
    this.idPoints = this.makePoints();
    this.countPoints = this.makePoints();
    this.points.visible = this.idPoints.visible = false;
  }

  makePoints() {
    const points = new THREE.Points(this.geometry, new THREE.RawShaderMaterial({ glslVersion: THREE.GLSL3 }));
    points.frustumCulled = false;  // positions exist only on the GPU
    points.matrixAutoUpdate = false; // the pose is the worldFromRdf uniform
    // Keep targetHeight in step with whatever target is being drawn (canvas or ID target).
    points.onBeforeRender = (renderer) => {
      const target = renderer.getRenderTarget();
      this.uniforms.targetHeight.value = target ? target.height : renderer.getContext().drawingBufferHeight;
    };
    return points;
  }

  /** Replaces the texture with `buffer` (raw little-endian pixels of `image`). */
  setPixels(image, buffer) {
    const format = TEXTURE_FORMATS[image.datatype];
    if (!format) {
      throw new Error(`depth image datatype: got ${JSON.stringify(image.datatype)}, expected one of ${Object.keys(TEXTURE_FORMATS).join(', ')}`);
    }
    const data = textureData(image.datatype, image.width, image.height, buffer);
    const [textureFormat, type, internalFormat, kind] = format;
    const texture = new THREE.DataTexture(data, image.width, image.height, textureFormat, type);
    texture.internalFormat = internalFormat;
    texture.minFilter = texture.magFilter = THREE.NearestFilter; // texelFetch only; integer textures cannot filter
    texture.generateMipmaps = false;
    texture.unpackAlignment = 1;
    texture.needsUpdate = true;
    this.texture?.dispose();
    this.texture = texture;
    this.uniforms.depthTexture.value = texture;
    if (kind !== this.kind) {
      this.kind = kind;
      this.setShaders(this.points, 'PASS_COLOR');
      this.setShaders(this.idPoints, 'PASS_ID');
      this.setShaders(this.countPoints, 'PASS_COUNT');
    }
    this.geometry.setDrawRange(0, image.width * image.height);
    this.validCount = countValidDepths(data, image.datatype === 'F16', image.effectiveMeter);
    this.rowId = image.rowId;
    this.points.visible = this.idPoints.visible = true;
  }

  setShaders(points, pass) {
    points.material.dispose();
    points.material = new THREE.RawShaderMaterial({
      glslVersion: THREE.GLSL3,
      uniforms: this.uniforms,
      depthTest: pass !== 'PASS_COUNT',
      depthWrite: pass !== 'PASS_COUNT',
      ...depthCloudShaders(this.kind, pass),
    });
  }

  /** Applies the image's camera and the effective settings (overrides included). */
  configure(image, settings) {
    this.image = image;
    const u = this.uniforms;
    const camera = image.camera;
    u.intrinsics.value.set(camera.fx, camera.fy, camera.cx, camera.cy);
    u.worldFromRdf.value.fromArray(camera.worldFromRdf); // column-major, as three stores it
    const invMeter = Math.fround(1 / Math.fround(settings.meter));
    u.invMeter.value = invMeter;
    // As BackProjection: r0 = min * invMeter, t = (z - r0) * (1 / (max * invMeter - r0)).
    const r0 = Math.fround(settings.range[0] * invMeter);
    u.rangeStart.value = r0;
    u.invRangeSpan.value = Math.fround(1 / Math.fround(Math.fround(settings.range[1] * invMeter) - r0));
    u.radiusPerDepth.value = Math.fround(settings.fillRatio * camera.radiusPerDepth);
    u.colormap.value = colormapId(settings.colormap);
  }

  /**
   * Colours the points from a colour image (render's RgbCloud: `fit` SAME_SIZE, AUTO_FITTED or TOP_LEFT) given as
   * RGBA8 texels, or (UNREGISTERED) from the server's depth-sized map of their colours, or (null) back to the
   * colormap. The texture is kept by `url` (the source's, or the one it was fetched from: with the occlusion test):
   * a new one only for a new row.
   */
  setColorSource(source, buffer, url = source?.imageUrl) {
    if (!source) {
      this.uniforms.rgbMode.value = 0;
      return;
    }
    if (this.colorUrl !== url) {
      const texture = new THREE.DataTexture(new Uint8Array(buffer), source.width, source.height,
        THREE.RGBAFormat, THREE.UnsignedByteType);
      texture.minFilter = texture.magFilter = THREE.NearestFilter; // texelFetch only
      texture.generateMipmaps = false;
      texture.flipY = false;
      texture.needsUpdate = true;
      this.colorTexture?.dispose();
      this.colorTexture = texture;
      this.colorUrl = url;
      this.uniforms.colorTexture.value = texture;
    }
    this.uniforms.rgbMode.value = { SAME_SIZE: 1, AUTO_FITTED: 2, TOP_LEFT: 3, UNREGISTERED: 4 }[source.fit];
  }

  dispose() {
    this.colorTexture?.dispose();
    this.texture?.dispose();
    this.geometry.dispose();
    for (const points of [this.points, this.idPoints, this.countPoints]) {
      points.removeFromParent();
      points.material.dispose();
    }
  }
}
