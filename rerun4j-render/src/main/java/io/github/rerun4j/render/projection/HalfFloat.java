package io.github.rerun4j.render.projection;

/**
 * IEEE 754 binary16 to float, as a 65536-entry table (Java 17 has no {@code Float.float16ToFloat}).
 */
final class HalfFloat {

    /** {@code TABLE[bits & 0xFFFF]} is the float value of the half-precision bit pattern. */
    static final float[] TABLE = new float[1 << 16];

    static {
        for (int h = 0; h < TABLE.length; h++) {
            TABLE[h] = toFloat(h);
        }
    }

    private HalfFloat() {
    }

    static float toFloat(int bits) {
        int sign = (bits >>> 15) & 1;
        int exp = (bits >>> 10) & 0x1F;
        int frac = bits & 0x3FF;
        float v;
        if (exp == 0) {
            v = frac * 0x1p-24f;                        // zero and subnormals
        } else if (exp == 31) {
            v = frac == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            v = Float.intBitsToFloat(((exp - 15 + 127) << 23) | (frac << 13));
        }
        return sign == 1 ? -v : v;
    }
}
