// The 2D depth-image shader (docs/semantics.md §4.2–§4.3), a GPU twin of the Java reference
// DepthImageRenderer2D + Sampler + Normalization: every fragment maps to a texel-space point p, fetches raw
// texels with texelFetch, normalises each to t = (v − min) / (max − min), filters the t values (Nearest,
// bilinear, Catmull-Rom bicubic; magnified vs minified by fwidth(p.x) < 1), then applies the colormap.
//
//   const programs = new DepthImagePrograms(gl);
//   programs.draw({ kind, texture, width, height, colormap: 5, range: [0, 65535], filter: 'Nearest' },
//                 { origin: [0, 0], texelsPerPixel: [1, 1], targetHeight: 200 });

import { COLORMAP_GLSL } from './colormaps.js';
import { compileShader, FULL_TARGET_VERTEX, linkProgram } from './webgl.js';

const SAMPLERS = { uint: 'usampler2D', int: 'isampler2D', float: 'sampler2D' };
const FILTERS = { Nearest: 0, Linear: 1, Bicubic: 2 };
// EncodedDepthImage in 2D, whatever its logged filter: Nearest magnified, bilinear minified (render's
// EncodedDepth.overrides2D). Not a user setting, so not in FILTERS' names the page offers.
export const ENCODED_DEPTH_FILTER = 'Encoded';
const ALL_FILTERS = { ...FILTERS, [ENCODED_DEPTH_FILTER]: 3 };

function fragmentSource(sampler) {
  return `#version 300 es
precision highp float;
precision highp int;
uniform highp ${sampler} u_texture;
uniform ivec2 u_size;          // W, H
uniform vec2 u_range;          // min, max (f32, as the reference's DepthRange)
uniform int u_colormap;        // COLORMAP_IDS
uniform int u_filter;          // 0 Nearest, 1 Linear, 2 Bicubic (the setting); 3 encoded depth
uniform vec2 u_origin;         // target pixel (from the top-left) where texel space (0, 0) lies
uniform vec2 u_texelsPerPixel; // texel units per target pixel, x and y
uniform float u_targetHeight;  // to measure y downwards like the image
uniform bool u_linearOut;      // into linear-compositor.js's sRGB target: linear colour (false: sRGB bytes)
out vec4 fragColor;
${COLORMAP_GLSL}

// Normalised, unclamped t of texel q, clamped to the edge (Sampler.texel + Normalization.t).
float texelT(ivec2 q) {
  q = clamp(q, ivec2(0), u_size - 1);
  float v = float(texelFetch(u_texture, q, 0).r);
  return (v - u_range.x) / (u_range.y - u_range.x);
}

// WGSL mix as a·(1 − f) + b·f, written out so the compiler keeps the reference's order.
float mixT(float a, float b, float f) {
  return a * (1.0 - f) + b * f;
}

float bilinear(vec2 p) {
  vec2 c = p - 0.5;
  vec2 b = floor(c);
  vec2 f = c - b;
  ivec2 q = ivec2(b);
  float top = mixT(texelT(q), texelT(q + ivec2(1, 0)), f.x);
  float bottom = mixT(texelT(q + ivec2(0, 1)), texelT(q + ivec2(1, 1)), f.x);
  return mixT(top, bottom, f.y);
}

vec4 catmullRomWeights(float f) {
  float f2 = f * f;
  float f3 = f2 * f;
  return vec4(0.5 * (-f3 + 2.0 * f2 - f),
              0.5 * (3.0 * f3 - 5.0 * f2 + 2.0),
              0.5 * (-3.0 * f3 + 4.0 * f2 + f),
              0.5 * (f3 - f2));
}

float bicubic(vec2 p) {
  vec2 c = p - 0.5;
  vec2 b = floor(c);
  vec4 wx = catmullRomWeights(c.x - b.x);
  vec4 wy = catmullRomWeights(c.y - b.y);
  ivec2 q = ivec2(b) - 1;
  float sum = 0.0;
  for (int j = 0; j < 4; j++) {
    float row = 0.0;
    for (int i = 0; i < 4; i++) row += wx[i] * texelT(q + ivec2(i, j));
    sum += wy[j] * row;
  }
  // Catmull-Rom overshoots at steps; NaN stays NaN here (main() draws it as t = 1).
  return sum != sum ? sum : clamp(sum, 0.0, 1.0);
}

void main() {
  vec2 pixel = vec2(gl_FragCoord.x, u_targetHeight - gl_FragCoord.y);
  vec2 p = (pixel - u_origin) * u_texelsPerPixel;
  // Before the discard: derivatives need every fragment of the quad.
  bool magnified = fwidth(p.x) < 1.0;
  if (p.x < 0.0 || p.y < 0.0 || p.x >= float(u_size.x) || p.y >= float(u_size.y)) discard;
  float t;
  if (u_filter == 0 || (u_filter == 3 && magnified)) {
    t = texelT(ivec2(floor(p)));
  } else if (u_filter == 2 && magnified) {
    t = bicubic(p);
  } else {
    t = bilinear(p);
  }
  // NaN t (NaN texel in the footprint, or 0/0): the t = 1 colour, as the official viewer shows it in the
  // reference environment (Rerun leaves NaN undefined; docs/semantics.md §3.2). Same rule as the Java
  // reference DepthImageRenderer2D.NAN_T.
  if (isnan(t) || t != t) t = 1.0;
  vec4 color = colormapSrgb(u_colormap, t);
  if (u_linearOut) {
    color.rgb = mix(color.rgb / 12.92, pow((color.rgb + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), color.rgb));
  }
  fragColor = vec4(color.rgb * color.a, color.a); // premultiplied: RvizCostmap's see-through cells
}`;
}

/** The three compiled variants (uint / int / float texture) and how to draw one image with them. */
export class DepthImagePrograms {
  constructor(gl) {
    this.gl = gl;
    this.programs = {};
    this.vao = gl.createVertexArray(); // no attributes, but WebGL2 wants one bound for drawArrays
    const vertex = compileShader(gl, gl.VERTEX_SHADER, FULL_TARGET_VERTEX, 'depth image');
    for (const [kind, sampler] of Object.entries(SAMPLERS)) {
      const program = linkProgram(gl, 'depth image', vertex,
        compileShader(gl, gl.FRAGMENT_SHADER, fragmentSource(sampler), 'depth image'));
      const uniforms = {};
      for (const name of ['u_texture', 'u_size', 'u_range', 'u_colormap', 'u_filter', 'u_origin',
        'u_texelsPerPixel', 'u_targetHeight', 'u_linearOut']) {
        uniforms[name] = gl.getUniformLocation(program, name);
      }
      this.programs[kind] = { program, uniforms };
    }
  }

  /**
   * Draws one image into the bound framebuffer/viewport with premultiplied blending.
   * image: {kind, texture, width, height, colormap (id), range: [min, max], filter: 'Nearest'|'Linear'|'Bicubic'}
   * mapping: {origin: [x, y] target pixels, texelsPerPixel: [sx, sy], targetHeight, linearOut (optional: linear
   * colour for linear-compositor.js)}
   */
  draw(image, mapping) {
    const gl = this.gl;
    const filter = ALL_FILTERS[image.filter];
    if (filter === undefined) {
      throw new Error(`magnification filter: got ${JSON.stringify(image.filter)}, expected one of ${Object.keys(FILTERS).join(', ')}`);
    }
    const { program, uniforms: u } = this.programs[image.kind];
    gl.useProgram(program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, image.texture);
    gl.uniform1i(u.u_texture, 0);
    gl.uniform2i(u.u_size, image.width, image.height);
    gl.uniform2f(u.u_range, image.range[0], image.range[1]);
    gl.uniform1i(u.u_colormap, image.colormap);
    gl.uniform1i(u.u_filter, filter);
    gl.uniform2f(u.u_origin, mapping.origin[0], mapping.origin[1]);
    gl.uniform2f(u.u_texelsPerPixel, mapping.texelsPerPixel[0], mapping.texelsPerPixel[1]);
    gl.uniform1f(u.u_targetHeight, mapping.targetHeight);
    gl.uniform1i(u.u_linearOut, mapping.linearOut ? 1 : 0);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }
}
