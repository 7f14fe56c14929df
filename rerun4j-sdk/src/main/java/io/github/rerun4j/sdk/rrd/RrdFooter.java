package io.github.rerun4j.sdk.rrd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The end of an {@code .rrd} file as Rerun (0.33 to 0.36) writes it: an End message whose payload is the
 * {@code RrdFooter} protobuf (one {@code RrdManifest} per store), then a 32-byte trailer: payload offset (u64),
 * payload length (u64), xxHash32 of the payload (seed {@value #XXH32_SEED}), {@code RRF2FOOT}, entry count (1).
 *
 * <p>Reading trusts nothing: the trailer's offset and length must lie inside the file and meet exactly at the
 * trailer, the checksum must match before the payload is parsed, and every manifest must decode; anything else
 * is a {@link IOException} naming what is wrong, so the caller falls back to a scan. No allocation is larger
 * than the file's own bytes.
 */
public final class RrdFooter {

    /** xxHash32 seed of the trailer's checksum. */
    public static final int XXH32_SEED = 7850921;
    /** Bytes of the trailer (one entry). */
    public static final int TRAILER_BYTES = 32;

    private static final byte[] MAGIC = "RRF2FOOT".getBytes(StandardCharsets.US_ASCII);

    private RrdFooter() {
    }

    /**
     * End message + footer + trailer for these manifests, the End message starting at file offset {@code at}.
     */
    public static byte[] encode(Collection<RrdManifestBuilder> manifests, long at) {
        ProtoWriter footer = new ProtoWriter();
        for (RrdManifestBuilder m : manifests) {
            footer.bytes(1, m.encode());
        }
        byte[] payload = footer.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(16 + payload.length + TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(RrdMessage.KIND_END).putLong(payload.length).put(payload);
        out.putLong(at + 16).putLong(payload.length).putInt(xxh32(payload, 0, payload.length)).put(MAGIC).putInt(1);
        return out.array();
    }

    static int xxh32(byte[] bytes, int offset, int length) {
        return XXHashFactory.safeInstance().hash32().hash(bytes, offset, length, XXH32_SEED);
    }

    /** True when the file ends with a footer trailer ({@code RRF2FOOT} in its place); says nothing of its validity. */
    public static boolean hasTrailer(FileChannel file) throws IOException {
        long size = file.size();
        if (size < TRAILER_BYTES) {
            return false;
        }
        ByteBuffer tail = ByteBuffer.allocate(12);
        readFully(file, tail, size - 12);
        byte[] magic = new byte[8];
        tail.flip().get(magic);
        return java.util.Arrays.equals(magic, MAGIC);
    }

    /** Reads and checks the footer of {@code path}. */
    public static List<RrdManifest> read(Path path) throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(file);
        }
    }

    /**
     * The manifests of the footer at the end of {@code file}.
     *
     * @throws IOException when there is no footer, or it is cut off, inconsistent, fails its checksum or does
     *                     not decode: the message says which, with the numbers
     */
    public static List<RrdManifest> read(FileChannel file) throws IOException {
        long size = file.size();
        if (size < TRAILER_BYTES + 16 + 12) {
            throw new IOException("no footer: the file has only " + size + " bytes");
        }
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long trailerAt = size - TRAILER_BYTES;
        readFully(file, trailer, trailerAt);
        trailer.flip();
        long offset = trailer.getLong();
        long length = trailer.getLong();
        int checksum = trailer.getInt();
        byte[] magic = new byte[8];
        trailer.get(magic);
        int entries = trailer.getInt();
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("no footer: the last 32 bytes do not end in RRF2FOOT");
        }
        if (entries != 1) {
            throw new IOException("footer trailer lists " + Integer.toUnsignedString(entries) + " entries, expected 1");
        }
        if (offset < 16 || length < 0 || offset > trailerAt || length != trailerAt - offset) {
            throw new IOException("footer trailer points at " + Long.toUnsignedString(length) + " bytes from byte "
                    + Long.toUnsignedString(offset) + ", expected the " + (trailerAt - Math.max(0, Math.min(offset, trailerAt)))
                    + " bytes that end at the trailer (byte " + trailerAt + ")");
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("footer of " + length + " bytes is larger than one array");
        }
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, header, offset - 16);
        header.flip();
        long kind = header.getLong();
        long len = header.getLong();
        if (kind != RrdMessage.KIND_END || len != length) {
            throw new IOException("footer at byte " + offset + " is not the payload of an End message (header: kind " + kind
                    + ", len " + len + ")");
        }
        byte[] payload = new byte[(int) length];
        readFully(file, ByteBuffer.wrap(payload), offset);
        int actual = xxh32(payload, 0, payload.length);
        if (actual != checksum) {
            throw new IOException("footer checksum mismatch: the trailer says 0x" + Integer.toHexString(checksum)
                    + ", the " + length + " bytes at " + offset + " hash to 0x" + Integer.toHexString(actual));
        }
        List<RrdManifest> manifests = new ArrayList<>();
        try {
            ProtoReader in = new ProtoReader(payload);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (ProtoReader.fieldNumber(tag) == 1) {
                    manifests.add(RrdManifest.decode(in.readByteArray(), offset - 16));
                } else {
                    in.skipField(tag);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("footer at byte " + offset + " does not decode: " + e.getMessage(), e);
        }
        return List.copyOf(manifests);
    }

    private static void readFully(FileChannel file, ByteBuffer into, long at) throws IOException {
        long position = at;
        while (into.hasRemaining()) {
            int n = file.read(into, position);
            if (n < 0) {
                throw new IOException("the file ends at byte " + position + " inside the footer");
            }
            position += n;
        }
    }
}
