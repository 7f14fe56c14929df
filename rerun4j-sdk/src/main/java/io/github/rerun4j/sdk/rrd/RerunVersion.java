package io.github.rerun4j.sdk.rrd;

/**
 * A Rerun version as stored in the stream header and in {@code StoreVersion.crate_version_bits}:
 * four bytes {@code [major, minor, patch, meta]}.
 *
 * <pre>{@code
 * RerunVersion v = RerunVersion.V0_33_0;
 * byte[] header = v.toBytes();   // 00 21 00 00
 * int bits = v.bits();           // 8448, the little-endian int32 of those bytes
 * }</pre>
 *
 * @param major 0..255
 * @param minor 0..255
 * @param patch 0..255
 * @param meta  0..255: 0 = release, 0b10NNNNNN = -alpha.N, 0b11NNNNNN = -alpha.N+dev, 0b01NNNNNN = -rc.N
 */
public record RerunVersion(int major, int minor, int patch, int meta) {

    /** The version rerun4j writes: the format it produces is the one Rerun 0.33.0 reads. */
    public static final RerunVersion V0_33_0 = new RerunVersion(0, 33, 0, 0);

    /** Checks that each part fits a byte (0..255). */
    public RerunVersion {
        checkByte("major", major);
        checkByte("minor", minor);
        checkByte("patch", patch);
        checkByte("meta", meta);
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("version " + name + " must be 0..255, got " + value);
        }
    }

    /** Reads the four bytes at {@code offset}. */
    public static RerunVersion fromBytes(byte[] bytes, int offset) {
        return new RerunVersion(bytes[offset] & 0xFF, bytes[offset + 1] & 0xFF, bytes[offset + 2] & 0xFF, bytes[offset + 3] & 0xFF);
    }

    /** The inverse of {@link #bits()}. */
    public static RerunVersion fromBits(int bits) {
        return new RerunVersion(bits & 0xFF, (bits >>> 8) & 0xFF, (bits >>> 16) & 0xFF, bits >>> 24);
    }

    /** The four header bytes {@code [major, minor, patch, meta]}. */
    public byte[] toBytes() {
        return new byte[] {(byte) major, (byte) minor, (byte) patch, (byte) meta};
    }

    /** The header bytes read as a little-endian int32, the value of {@code StoreVersion.crate_version_bits}. */
    public int bits() {
        return major | minor << 8 | patch << 16 | meta << 24;
    }

    /** True if this version is {@code major.minor} or later (patch and meta ignored). */
    public boolean isAtLeast(int otherMajor, int otherMinor) {
        return major != otherMajor ? major > otherMajor : minor >= otherMinor;
    }

    /** E.g. {@code 0.33.0}, {@code 0.34.0-alpha.2}, {@code 0.34.0-rc.1}. */
    @Override
    public String toString() {
        String base = major + "." + minor + "." + patch;
        int n = meta & 0x3F;
        return switch (meta >>> 6) {
            case 0b10 -> base + "-alpha." + n;
            case 0b11 -> base + "-alpha." + n + "+dev";
            case 0b01 -> base + "-rc." + n;
            default -> base;
        };
    }
}
