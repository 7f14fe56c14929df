// The 2D colour-image shader: texels are the server's RGBA8 on-screen colours (render's ColorTexels: format,
// YUV, channel order and range already applied), so the GPU only places, filters and fades them. Filtering works
// on linear, premultiplied colour, as Rerun does: magnified with the image's filter (Nearest, bilinear,
// Catmull-Rom), minified always bilinear. The result is premultiplied and multiplied by the opacity; a view with
// colour layers draws them all with linearOut into linear-compositor.js's sRGB target, so they blend in linear
// light as in Rerun (docs/semantics.md §4.6).
//
//   const program = new ColorImageProgram(gl);
//   program.draw({ texture, width, height, filter: 'Nearest', opacity: 0.5 },
//                { origin: [0, 0], texelsPerPixel: [1, 1], targetHeight: 200 });

import { compileShader, FULL_TARGET_VERTEX, linkProgram } from './webgl.js';

const FILTERS = { Nearest: 0, Linear: 1, Bicubic: 2 };

const FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_texture; // RGBA8, sRGB bytes, alpha not premultiplied
uniform ivec2 u_size;
uniform int u_filter;              // 0 Nearest, 1 Linear, 2 Bicubic (magnification only)
uniform float u_opacity;
uniform vec2 u_origin;
uniform vec2 u_texelsPerPixel;
uniform float u_targetHeight;
uniform bool u_linearOut;          // linear premultiplied colour for linear-compositor.js (false: sRGB bytes)
out vec4 fragColor;

vec3 toLinear(vec3 c) {
  return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), c));
}

vec3 toSrgb(vec3 c) {
  c = max(c, vec3(0.0));
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

// Texel q (clamped to the edge) as linear, premultiplied colour.
vec4 texel(ivec2 q) {
  vec4 c = texelFetch(u_texture, clamp(q, ivec2(0), u_size - 1), 0);
  return vec4(toLinear(c.rgb) * c.a, c.a);
}

vec4 bilinear(vec2 p) {
  vec2 c = p - 0.5;
  vec2 b = floor(c);
  vec2 f = c - b;
  ivec2 q = ivec2(b);
  vec4 top = mix(texel(q), texel(q + ivec2(1, 0)), f.x);
  vec4 bottom = mix(texel(q + ivec2(0, 1)), texel(q + ivec2(1, 1)), f.x);
  return mix(top, bottom, f.y);
}

vec4 weights(float f) {
  float f2 = f * f;
  float f3 = f2 * f;
  return vec4(0.5 * (-f3 + 2.0 * f2 - f), 0.5 * (3.0 * f3 - 5.0 * f2 + 2.0),
              0.5 * (-3.0 * f3 + 4.0 * f2 + f), 0.5 * (f3 - f2));
}

vec4 bicubic(vec2 p) {
  vec2 c = p - 0.5;
  vec2 b = floor(c);
  vec4 wx = weights(c.x - b.x);
  vec4 wy = weights(c.y - b.y);
  ivec2 q = ivec2(b) - 1;
  vec4 sum = vec4(0.0);
  for (int j = 0; j < 4; j++) {
    vec4 row = vec4(0.0);
    for (int i = 0; i < 4; i++) row += wx[i] * texel(q + ivec2(i, j));
    sum += wy[j] * row;
  }
  return clamp(sum, 0.0, 1.0);
}

void main() {
  vec2 pixel = vec2(gl_FragCoord.x, u_targetHeight - gl_FragCoord.y);
  vec2 p = (pixel - u_origin) * u_texelsPerPixel;
  bool magnified = fwidth(p.x) < 1.0;
  if (p.x < 0.0 || p.y < 0.0 || p.x >= float(u_size.x) || p.y >= float(u_size.y)) discard;
  vec4 c;
  if (magnified && u_filter == 0) {
    // The stored bytes themselves: no round trip through linear light, so Nearest is exact.
    vec4 t = texelFetch(u_texture, clamp(ivec2(floor(p)), ivec2(0), u_size - 1), 0);
    fragColor = vec4((u_linearOut ? toLinear(t.rgb) : t.rgb) * t.a, t.a) * u_opacity;
    return;
  } else if (magnified && u_filter == 2) {
    c = bicubic(p);
  } else {
    c = bilinear(p);
  }
  if (u_linearOut) {
    fragColor = c * u_opacity;
    return;
  }
  vec3 srgb = c.a > 0.0 ? toSrgb(c.rgb / c.a) : vec3(0.0);
  fragColor = vec4(srgb * c.a, c.a) * u_opacity;
}`;

/** Uploads RGBA8 texels (the /color route's bytes) into `texture`. */
export function uploadColorTexture(gl, texture, width, height, buffer) {
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(buffer));
  // Read with texelFetch only; a complete texture still needs non-mipmap filters.
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
}

export class ColorImageProgram {
  constructor(gl) {
    this.gl = gl;
    this.vao = gl.createVertexArray();
    const program = linkProgram(gl, 'colour image',
      compileShader(gl, gl.VERTEX_SHADER, FULL_TARGET_VERTEX, 'colour image'),
      compileShader(gl, gl.FRAGMENT_SHADER, FRAGMENT, 'colour image'));
    this.program = program;
    this.uniforms = {};
    for (const name of ['u_texture', 'u_size', 'u_filter', 'u_opacity', 'u_origin', 'u_texelsPerPixel', 'u_targetHeight', 'u_linearOut']) {
      this.uniforms[name] = gl.getUniformLocation(program, name);
    }
  }

  /**
   * Draws one colour image into the bound framebuffer with premultiplied blending.
   * image: {texture, width, height, filter: 'Nearest'|'Linear'|'Bicubic', opacity: 0..1}
   * mapping: as DepthImagePrograms.draw (linearOut included)
   */
  draw(image, mapping) {
    const gl = this.gl;
    const filter = FILTERS[image.filter];
    if (filter === undefined) {
      throw new Error(`magnification filter: got ${JSON.stringify(image.filter)}, expected one of ${Object.keys(FILTERS).join(', ')}`);
    }
    const u = this.uniforms;
    gl.useProgram(this.program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, image.texture);
    gl.uniform1i(u.u_texture, 0);
    gl.uniform2i(u.u_size, image.width, image.height);
    gl.uniform1i(u.u_filter, filter);
    gl.uniform1f(u.u_opacity, Math.min(1, Math.max(0, image.opacity)));
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
