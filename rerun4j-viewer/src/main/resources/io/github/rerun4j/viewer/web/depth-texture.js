// Uploads a depth image's raw little-endian pixels into a WebGL2 texture UNCHANGED (docs/semantics.md §4.2):
// integer types as R*UI / R*I textures read with usampler2D / isampler2D, F16 / F32 as float textures. The
// 64-bit types have no texture format, so they are narrowed to f32 on the CPU exactly as the Java reference
// (DepthValues.toGpuValues) does: one correctly rounded conversion per value.
//
//   const kind = uploadDepthTexture(gl, texture, 'U16', 300, 200, arrayBuffer);   // 'uint'
//   // then draw with the program for that kind (depth-image-program.js)

/** datatype -> [internal format, format, type, typed array, sampler kind] (GL enums resolved per context). */
const FORMATS = {
  U8: ['R8UI', 'RED_INTEGER', 'UNSIGNED_BYTE', Uint8Array, 'uint'],
  U16: ['R16UI', 'RED_INTEGER', 'UNSIGNED_SHORT', Uint16Array, 'uint'],
  U32: ['R32UI', 'RED_INTEGER', 'UNSIGNED_INT', Uint32Array, 'uint'],
  I8: ['R8I', 'RED_INTEGER', 'BYTE', Int8Array, 'int'],
  I16: ['R16I', 'RED_INTEGER', 'SHORT', Int16Array, 'int'],
  I32: ['R32I', 'RED_INTEGER', 'INT', Int32Array, 'int'],
  F16: ['R16F', 'RED', 'HALF_FLOAT', Uint16Array, 'float'],
  F32: ['R32F', 'RED', 'FLOAT', Float32Array, 'float'],
  F64: ['R32F', 'RED', 'FLOAT', Float64Array, 'float'],
  U64: ['R32F', 'RED', 'FLOAT', BigUint64Array, 'float'],
  I64: ['R32F', 'RED', 'FLOAT', BigInt64Array, 'float'],
};

export const DEPTH_DATATYPES = Object.freeze(Object.keys(FORMATS));

/**
 * Nearest f32 of a 64-bit integer with a single rounding. Number(big) would round to f64 first and
 * Math.fround again, which can land on the wrong side of a tie; keeping a sticky bit below 53 significant
 * bits makes the f64 exact-enough that fround rounds as the reference's long -> float does.
 */
export function bigIntToF32(big) {
  const negative = big < 0n;
  let magnitude = negative ? -big : big;
  const bits = magnitude.toString(2).length;
  let scale = 1;
  if (bits > 53) {
    const shift = BigInt(bits - 53);
    const sticky = (magnitude & ((1n << shift) - 1n)) !== 0n ? 1n : 0n;
    magnitude = (magnitude >> shift) | sticky;
    scale = 2 ** (bits - 53);
  }
  const value = Math.fround(Number(magnitude) * scale);
  return negative ? -value : value;
}

/** The values as the typed array the texture upload takes (64-bit types narrowed to Float32Array). */
export function textureData(datatype, width, height, buffer) {
  const format = FORMATS[datatype];
  if (!format) {
    throw new Error(`depth image datatype: got ${JSON.stringify(datatype)}, expected one of ${DEPTH_DATATYPES.join(', ')}`);
  }
  const ArrayType = format[3];
  const count = width * height;
  if (buffer.byteLength < count * ArrayType.BYTES_PER_ELEMENT) {
    throw new Error(`depth image pixels: got ${buffer.byteLength} bytes, expected ${count * ArrayType.BYTES_PER_ELEMENT} for ${datatype} ${width}x${height}`);
  }
  const raw = new ArrayType(buffer, 0, count);
  if (ArrayType === Float64Array) return Float32Array.from(raw); // Math.fround: one rounding
  if (ArrayType === BigUint64Array || ArrayType === BigInt64Array) {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = bigIntToF32(raw[i]);
    return out;
  }
  return raw;
}

/**
 * (Re)defines `texture` as width x height holding the raw values; returns the sampler kind the shader must
 * use: 'uint', 'int' or 'float'. Throws with a clear message for unknown datatypes or short buffers.
 */
export function uploadDepthTexture(gl, texture, datatype, width, height, buffer) {
  const data = textureData(datatype, width, height, buffer);
  const [internalFormat, format, type, , kind] = FORMATS[datatype];
  const max = gl.getParameter(gl.MAX_TEXTURE_SIZE);
  if (width > max || height > max) {
    throw new Error(`depth image size: got ${width}x${height}, expected at most ${max} per side (this GPU's MAX_TEXTURE_SIZE)`);
  }
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1); // rows of odd byte length (u8, i8, odd-width u16) are tightly packed
  // Integer and f32 textures are not filterable: NEAREST keeps them complete; the shader filters by hand.
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl[internalFormat], width, height, 0, gl[format], gl[type], data);
  return kind;
}
