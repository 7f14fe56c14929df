package io.github.rerun4j.sdk.rrd;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The 12-byte header that starts every {@code .rrd} stream: {@code RRF2}, the writer's version, a compression
 * flag, serializer 2 (protobuf), two reserved zero bytes.
 *
 * <pre>{@code
 * byte[] bytes = new StreamHeader(RerunVersion.V0_33_0, true).toBytes();   // RRF2 00 21 00 00 01 02 00 00
 * }</pre>
 *
 * @param version the Rerun version that wrote the stream
 * @param lz4     the compression flag; advisory only (each ArrowMsg says how its own payload is compressed)
 */
public record StreamHeader(RerunVersion version, boolean lz4) {

    /** Size in bytes. */
    public static final int BYTES = 12;

    private static final byte[] FOURCC = {'R', 'R', 'F', '2'};
    private static final int SERIALIZER_PROTOBUF = 2;
    private static final int SERIALIZER_MSGPACK = 1;

    /** Rejects null parts. */
    public StreamHeader {
        Objects.requireNonNull(version, "version");
    }

    /** The 12 bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        System.arraycopy(FOURCC, 0, out, 0, 4);
        System.arraycopy(version.toBytes(), 0, out, 4, 4);
        out[8] = (byte) (lz4 ? 1 : 0);
        out[9] = SERIALIZER_PROTOBUF;
        return out;
    }

    /** True if {@code bytes} (of which {@code available} are valid) begin like any RRF stream header. */
    static boolean looksLikeStreamHeader(byte[] bytes, int available) {
        return available >= 3 && bytes[0] == 'R' && bytes[1] == 'R' && bytes[2] == 'F';
    }

    /**
     * Parses and validates the 12 bytes at {@code bytes[0..12)}, rejecting what Rerun 0.33 rejects.
     *
     * @param at where the header starts in the input, for the error
     */
    static StreamHeader parse(byte[] bytes, long at) throws RrdFormatException {
        String fourCc = describe(bytes, 0, 4);
        if (bytes[0] == 'R' && bytes[1] == 'R' && bytes[2] == 'F' && (bytes[3] == '0' || bytes[3] == '1')) {
            throw new RrdFormatException(at, at, "stream header at byte " + at + ": FourCC " + fourCc
                    + " is an old, unsupported .rrd format; expected RRF2 (Rerun 0.23 or later)");
        }
        if (bytes[0] != 'R' || bytes[1] != 'R' || bytes[2] != 'F' || bytes[3] != '2') {
            throw new RrdFormatException(at, at, "stream header at byte " + at + ": expected FourCC RRF2, got "
                    + fourCc + " (not an .rrd stream)");
        }
        RerunVersion version = RerunVersion.fromBytes(bytes, 4);
        if (!version.isAtLeast(0, 23)) {
            throw new RrdFormatException(at + 4, at, "stream header at byte " + at + ": written by Rerun " + version
                    + "; files older than 0.23 are incompatible");
        }
        int compression = bytes[8] & 0xFF;
        if (compression > 1) {
            throw new RrdFormatException(at + 8, at, "stream header at byte " + at + ": compression flag "
                    + compression + ", expected 0 (off) or 1 (LZ4)");
        }
        int serializer = bytes[9] & 0xFF;
        if (serializer == SERIALIZER_MSGPACK) {
            throw new RrdFormatException(at + 9, at, "stream header at byte " + at
                    + ": serializer 1 (MsgPack, pre-protobuf Rerun) is not supported; expected 2 (protobuf)");
        }
        if (serializer != SERIALIZER_PROTOBUF) {
            throw new RrdFormatException(at + 9, at, "stream header at byte " + at + ": unknown serializer "
                    + serializer + ", expected 2 (protobuf)");
        }
        if (bytes[10] != 0 || bytes[11] != 0) {
            throw new RrdFormatException(at + 10, at, "stream header at byte " + at + ": reserved bytes must be 00 00, got "
                    + HexFormat.ofDelimiter(" ").formatHex(bytes, 10, 12));
        }
        return new StreamHeader(version, compression == 1);
    }

    /** Printable ASCII as text, anything else as hex, so an error shows what was actually found. */
    static String describe(byte[] bytes, int from, int to) {
        boolean printable = true;
        for (int i = from; i < to; i++) {
            printable &= bytes[i] >= 0x20 && bytes[i] < 0x7F;
        }
        String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, from, to);
        return printable ? "'" + new String(bytes, from, to - from, StandardCharsets.US_ASCII) + "' (" + hex + ")" : hex;
    }
}
