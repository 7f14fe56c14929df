// Every WebGL2 context of the page comes from here, so that a browser that will not give one (GPU
// blocklisted, hardware acceleration off, too many contexts open) gets one clear message.
//
//   const gl = webgl2Context(canvas, { antialias: false });   // throws Error(NO_WEBGL2) when refused

export const NO_WEBGL2 = 'the browser gave no WebGL2 context (GPU blocklisted, hardware acceleration off,'
  + ' or too many WebGL contexts open)';

/** The canvas's WebGL2 context with `attributes`; throws an Error saying why not when the browser refuses. */
export function webgl2Context(canvas, attributes) {
  const gl = canvas.getContext('webgl2', attributes);
  if (!gl) throw new Error(NO_WEBGL2);
  return gl;
}

/**
 * The vertex shader of the page's full-target passes (depth images, colour images, the linear compositor): one
 * triangle covering the target, its corners from gl_VertexID (no attributes); fragment shaders discard the rest.
 */
export const FULL_TARGET_VERTEX = `#version 300 es
void main() {
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1) * 4.0 - 1.0;
  gl_Position = vec4(corner, 0.0, 1.0);
}`;

/** Compiles `source` as a shader of `type`; a compile error names `what` and carries the driver's log. */
export function compileShader(gl, type, source, what) {
  const shader = gl.createShader(type);
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
    throw new Error(`${what} shader: ${gl.getShaderInfoLog(shader)}`);
  }
  return shader;
}

/** Links compiled `shaders` into a program; a link error names `what`. */
export function linkProgram(gl, what, ...shaders) {
  const program = gl.createProgram();
  for (const shader of shaders) gl.attachShader(program, shader);
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    throw new Error(`${what} program: ${gl.getProgramInfoLog(program)}`);
  }
  return program;
}
