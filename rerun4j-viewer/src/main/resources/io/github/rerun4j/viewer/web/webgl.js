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
