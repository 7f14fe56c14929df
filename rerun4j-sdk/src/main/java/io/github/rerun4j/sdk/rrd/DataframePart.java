package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.internal.arrow.ArrowFormatException;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcReader;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcWriter;
import io.github.rerun4j.sdk.internal.arrow.RecordBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;

/**
 * Rerun's {@code DataframePart} protobuf (a record batch as an LZ4-compressed Arrow IPC stream): how a manifest
 * carries its rows. Fields: 1 encoder_version (1), 2 payload, 3 compression (2 = LZ4), 4 uncompressed_size.
 */
final class DataframePart {

    private static final int ENCODER_VERSION_V0 = 1;
    private static final LZ4Compressor LZ4 = LZ4Factory.safeInstance().fastCompressor();

    private DataframePart() {
    }

    /** The batch as Rerun writes it: IPC stream, one LZ4 block. */
    static byte[] lz4(RecordBatch batch) {
        List<ByteBuffer> segments = ArrowIpcWriter.write(batch);
        int length = Math.toIntExact(ArrowIpcWriter.length(segments));
        ByteBuffer ipc = ByteBuffer.allocate(length);
        segments.forEach(s -> ipc.put(s.duplicate()));
        byte[] compressed = new byte[LZ4.maxCompressedLength(length)];
        int n = LZ4.compress(ipc.array(), 0, length, compressed, 0, compressed.length);
        return new ProtoWriter()
                .varint(1, ENCODER_VERSION_V0)
                .bytes(2, java.util.Arrays.copyOf(compressed, n))
                .varint(3, Compression.LZ4.code())
                .varint(4, length)
                .toByteArray();
    }

    /**
     * The record batch of an encoded part. The uncompressed size is checked against what the LZ4 block walks to
     * ({@link Lz4BlockSize}) before anything of that size is allocated.
     *
     * @throws IOException for anything malformed (protobuf, LZ4, Arrow), with what was wrong
     */
    static RecordBatch decode(byte[] part) throws IOException {
        ProtoReader in = new ProtoReader(part);
        byte[] payload = null;
        int compression = 0;
        long uncompressedSize = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 2 -> payload = in.readByteArray();
                case 3 -> compression = in.readEnum();
                case 4 -> uncompressedSize = in.readUInt64();
                default -> in.skipField(tag);
            }
        }
        if (payload == null) {
            throw new IOException("DataframePart has no payload");
        }
        byte[] ipc;
        if (compression == Compression.LZ4.code()) {
            if (uncompressedSize < 0 || uncompressedSize > Integer.MAX_VALUE - 8) {
                throw new IOException("DataframePart claims " + Long.toUnsignedString(uncompressedSize) + " uncompressed bytes");
            }
            long actual;
            try {
                actual = Lz4BlockSize.decodedSize(payload, 0, payload.length, uncompressedSize);
            } catch (Lz4BlockSize.MalformedBlockException e) {
                throw new IOException("DataframePart: corrupt LZ4 block: " + e.getMessage(), e);
            }
            if (actual != uncompressedSize) {
                throw new IOException("DataframePart claims " + uncompressedSize + " uncompressed bytes but its LZ4 block decodes to "
                        + actual);
            }
            ipc = new byte[(int) uncompressedSize];
            try {
                LZ4Factory.safeInstance().safeDecompressor().decompress(payload, 0, payload.length, ipc, 0);
            } catch (LZ4Exception e) {
                throw new IOException("DataframePart: corrupt LZ4 block: " + e.getMessage(), e);
            }
        } else if (compression == Compression.NONE.code() || compression == 0) {
            ipc = payload;
        } else {
            throw new IOException("DataframePart: unknown compression " + compression);
        }
        try {
            return ArrowIpcReader.read(ByteBuffer.wrap(ipc));
        } catch (ArrowFormatException e) {
            throw new IOException("DataframePart: " + e.getMessage(), e);
        }
    }
}
