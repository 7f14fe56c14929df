// Blends a 2D view's layers in linear light, as Rerun does (its render target is sRGB, so the GPU decodes what is
// below, blends, and encodes again): the layers are drawn with linear output into an SRGB8_ALPHA8 texture, whose
// blending WebGL2 does in linear light, then copied to the target with the sRGB encoding done in the shader.
// Only views with a colour layer use it: a view of depth images alone draws straight to its target as before
// (opaque layers look the same either way, and the direct path keeps their bytes exact by construction).
//
//   const compositor = new LinearCompositor(gl);
//   compositor.begin(width, height);             // binds the intermediate target, cleared
//   ...draw layers with linearOut: true...
//   compositor.end(targetFramebuffer, width, height);

import { compileShader, FULL_TARGET_VERTEX, linkProgram } from './webgl.js';

const FRAGMENT = `#version 300 es
precision highp float;
uniform highp sampler2D u_layers; // SRGB8_ALPHA8: fetches decode to linear, premultiplied
out vec4 fragColor;

vec3 toSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

void main() {
  vec4 c = texelFetch(u_layers, ivec2(gl_FragCoord.xy), 0);
  // The canvas holds premultiplied sRGB bytes: encode the unpremultiplied colour, then premultiply again.
  fragColor = c.a > 0.0 ? vec4(toSrgb(c.rgb / c.a) * c.a, c.a) : vec4(0.0);
}`;

export class LinearCompositor {
  constructor(gl) {
    this.gl = gl;
    this.vao = gl.createVertexArray();
    const program = linkProgram(gl, 'linear compositor',
      compileShader(gl, gl.VERTEX_SHADER, FULL_TARGET_VERTEX, 'linear compositor'),
      compileShader(gl, gl.FRAGMENT_SHADER, FRAGMENT, 'linear compositor'));
    this.program = program;
    this.layersUniform = gl.getUniformLocation(program, 'u_layers');
    this.texture = null;
    this.framebuffer = gl.createFramebuffer();
    this.width = 0;
    this.height = 0;
  }

  /** Binds the intermediate sRGB target of width x height, cleared to transparent. */
  begin(width, height) {
    const gl = this.gl;
    if (!this.texture || this.width !== width || this.height !== height) {
      if (this.texture) gl.deleteTexture(this.texture);
      this.texture = gl.createTexture();
      gl.bindTexture(gl.TEXTURE_2D, this.texture);
      gl.texStorage2D(gl.TEXTURE_2D, 1, gl.SRGB8_ALPHA8, width, height);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
      gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.texture, 0);
      this.width = width;
      this.height = height;
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.framebuffer);
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
  }

  /** Copies the blended layers, sRGB-encoded, onto `framebuffer` (null: the canvas), replacing what is there. */
  end(framebuffer, width, height) {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.viewport(0, 0, width, height);
    gl.useProgram(this.program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.uniform1i(this.layersUniform, 0);
    gl.disable(gl.BLEND);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  dispose() {
    const gl = this.gl;
    if (this.texture) gl.deleteTexture(this.texture);
    gl.deleteFramebuffer(this.framebuffer);
  }
}
