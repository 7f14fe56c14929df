// GLSL ES 3.00 for the 3D depth cloud (docs/semantics.md §5.3–§5.4): one vertex per pixel (gl_VertexID), the
// raw depth read from an unfiltered texture, back-projected on the GPU exactly as the Java reference
// BackProjection does. Three variants share one validity test and one back-projection:
//   PASS_COLOR  the visible points: colormap color, round, perspective-correct size;
//   PASS_ID     the same points writing (pixel index + 1, cloud slot) into an RGBA8 target, for hover;
//   PASS_COUNT  every valid pixel lands on its own texel of a W x H target (no occlusion): the GPU's count.
//
//   const { vertexShader, fragmentShader } = depthCloudShaders('uint', 'PASS_COLOR');

import { COLORMAP_GLSL } from './colormaps.js';

const SAMPLERS = { uint: 'usampler2D', int: 'isampler2D', float: 'sampler2D' };

/** Where a skipped point goes: outside every clip volume, so it is never rasterised. */
const OUTSIDE = 'vec4(2.0, 2.0, 2.0, 1.0)';

const VERTEX = `
uniform mat4 viewMatrix;
uniform mat4 projectionMatrix;
uniform DEPTH_SAMPLER depthTexture;
uniform vec4 intrinsics;      // fx, fy, cx, cy
uniform mat4 worldFromRdf;
uniform float invMeter;       // f32(1 / meter), as the reference multiplies
uniform float rangeStart;     // range.min / meter
uniform float invRangeSpan;   // 1 / (range.max / meter - range.min / meter)
uniform float radiusPerDepth; // fillRatio * res_h / (|fy| * H) * averageScale
uniform float targetHeight;   // device pixels of the target drawn into
uniform int colormap;
// RGB cloud (rerun4j extension, render's RgbCloud): 0 off (colormap), 1 same size, 2 auto-fitted, 3 top-left,
// 4 unregistered (colorTexture is the server's depth-sized map, alpha 0 where the point keeps the colormap).
uniform int rgbMode;
uniform highp sampler2D colorTexture; // RGBA8 on-screen colours of the colour image (the /color route)

flat out vec4 pointColor;
flat out uint pointId;

// 0 < z < FLT_MAX (§5.3 step 2): zero, negative, NaN and +-inf depths give no point. Tested on the bits so
// that no compiler can assume NaN away, and subnormal z (below 1.2e-38 m) counts as zero: GPUs may flush
// subnormals (SwiftShader does), and this makes every GPU agree (the Java reference keeps them).
bool validDepth(float z) {
  uint exponent = floatBitsToUint(z) & 0x7f800000u;
  return z > 0.0 && exponent != 0x7f800000u && exponent != 0u;
}

void main() {
  ivec2 size = textureSize(depthTexture, 0);
  int x = gl_VertexID % size.x;
  int y = gl_VertexID / size.x;
  float z = float(texelFetch(depthTexture, ivec2(x, y), 0).r) * invMeter;
  pointId = uint(gl_VertexID) + 1u;
  pointColor = vec4(0.0);
  gl_PointSize = 1.0;
  if (!validDepth(z)) {
    gl_Position = ${OUTSIDE};
    return;
  }
#ifdef PASS_COUNT
  gl_Position = vec4((vec2(x, y) + 0.5) / vec2(size) * 2.0 - 1.0, 0.0, 1.0);
  pointColor = vec4(1.0);
  return;
#else
  // The integer pixel index, no +0.5 (unlike the 2D view); ray first, then times z, as the reference.
  vec3 rdf = vec3((float(x) - intrinsics.z) / intrinsics.x * z, (float(y) - intrinsics.w) / intrinsics.y * z, z);
  vec4 clip = projectionMatrix * viewMatrix * (worldFromRdf * vec4(rdf, 1.0));
  if (clip.w <= 0.0) {
    gl_Position = ${OUTSIDE};
    return;
  }
  gl_Position = clip;
  // Diameter in target pixels of a sphere of world radius r at view depth w: 2r * P11 * (H/2) / w.
  float radius = radiusPerDepth * z;
  gl_PointSize = max(1.0, radius * projectionMatrix[1][1] * targetHeight / clip.w);
#ifdef PASS_COLOR
  pointColor = colormapSrgb(colormap, (z - rangeStart) * invRangeSpan);
  if (rgbMode != 0) {
    ivec2 colorSize = textureSize(colorTexture, 0);
    // Auto-fit in integers: floor((x + 0.5) * Wc / Wd) == ((2x + 1) * Wc) / (2 Wd), exact like the reference.
    ivec2 t = rgbMode == 2 ? ((2 * ivec2(x, y) + 1) * colorSize) / (2 * size) : ivec2(x, y);
    if (t.x < colorSize.x && t.y < colorSize.y) {
      vec4 texel = texelFetch(colorTexture, t, 0);
      // Unregistered: alpha 0 marks a point the colour camera does not see; it keeps the colormap.
      if (rgbMode != 4 || texel.a > 0.5) pointColor = vec4(texel.rgb, 1.0);
    }
  }
#endif
#endif
}
`;

const FRAGMENT = `
flat in vec4 pointColor;
flat in uint pointId;
uniform uint slot;
out vec4 fragColor;

void main() {
#ifndef PASS_COUNT
  vec2 fromCentre = gl_PointCoord * 2.0 - 1.0;
  if (dot(fromCentre, fromCentre) > 1.0) discard; // round points
#endif
#ifdef PASS_COLOR
  // RvizCostmap / Costmap give alpha 0 for value 0: such points are not drawn (no blending of opaque clouds).
  if (pointColor.a < 0.5) discard;
  fragColor = vec4(pointColor.rgb, 1.0);
#elif defined(PASS_ID)
  fragColor = vec4(float(pointId & 255u), float((pointId >> 8) & 255u), float((pointId >> 16) & 255u), float(slot)) / 255.0;
#else
  fragColor = vec4(1.0);
#endif
}
`;

/** Sources for a RawShaderMaterial with glslVersion GLSL3 (three adds "#version 300 es"). */
export function depthCloudShaders(kind, pass) {
  const sampler = SAMPLERS[kind];
  if (!sampler) throw new Error(`depth texture kind: got ${JSON.stringify(kind)}, expected one of ${Object.keys(SAMPLERS).join(', ')}`);
  const header = `#define ${pass}\n#define DEPTH_SAMPLER ${sampler}\nprecision highp float;\nprecision highp int;\n`
    + 'precision highp usampler2D;\nprecision highp isampler2D;\nprecision highp sampler2D;\n';
  return {
    vertexShader: header + (pass === 'PASS_COLOR' ? COLORMAP_GLSL : '') + VERTEX,
    fragmentShader: header + FRAGMENT,
  };
}
