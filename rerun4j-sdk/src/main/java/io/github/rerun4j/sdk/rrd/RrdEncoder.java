package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.chunk.Tuid;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns messages into {@code .rrd} bytes. It does no I/O: it returns complete byte sequences for a sink, built
 * entirely before returning, so that a failure can never leave half a message in a file.
 *
 * <pre>{@code
 * channel.write(ByteBuffer.wrap(RrdEncoder.streamHeader(true)));
 * RrdEncoder.encode(new RrdMessage.SetStoreInfo(Tuid.next(), StoreInfo.of(storeId))).writeTo(channel);
 * ByteBuffer[] ipcSegments = ArrowIpcWriter.write(ChunkCodec.toRecordBatch(chunk)).toArray(ByteBuffer[]::new);
 * RrdEncoder.encodeArrow(storeId, chunk.id(), false, ipcSegments, true).writeTo(channel);
 * }</pre>
 */
public final class RrdEncoder {

    /**
     * Largest Arrow IPC stream this SDK encodes: what fits, with the protobuf fields around it, in the largest
     * Java array, so that whatever rerun4j writes, {@link RrdReader} can read back.
     */
    public static final int MAX_IPC_BYTES = RrdReader.MAX_PAYLOAD_BYTES - 1024;

    /** The largest input of one LZ4 block ({@code LZ4_MAX_INPUT_SIZE}, 0x7E000000): the limit of an LZ4 ArrowMsg. */
    public static final int MAX_LZ4_INPUT_BYTES = 0x7E00_0000;

    /**
     * The most data (estimated Arrow buffer bytes) the SDK puts into one chunk message: what every encoding can
     * carry (LZ4's block limit is the lower one), less 16 MiB for Arrow's metadata. A larger row is rejected when
     * it is logged; larger batches are split into several chunks.
     */
    public static final long MAX_CHUNK_DATA_BYTES = Math.min(MAX_IPC_BYTES, MAX_LZ4_INPUT_BYTES) - (16L << 20);

    private static final int ENCODING_ARROW_IPC = 1;
    // The pure-Java instance: no JNI, no Unsafe, so no JVM flags and the same behaviour everywhere.
    private static final LZ4Compressor LZ4 = LZ4Factory.safeInstance().fastCompressor();

    private RrdEncoder() {
    }

    /**
     * The 12-byte stream header for version 0.33.0: {@code RRF2 00 21 00 00 <lz4 ? 1 : 0> 02 00 00}.
     *
     * @param lz4 whether ArrowMsgs of this stream will be LZ4-compressed (advisory only)
     */
    public static byte[] streamHeader(boolean lz4) {
        return new StreamHeader(RerunVersion.V0_33_0, lz4).toBytes();
    }

    /**
     * Encodes any message except {@link RrdMessage.End}; an ArrowMsg is written uncompressed and without copying
     * its IPC bytes.
     *
     * @throws IllegalArgumentException for {@link RrdMessage.End}: the footer is {@link RrdFooter}'s, and an End
     *                                  message with an empty footer makes footer-aware tools believe the file is empty
     */
    public static EncodedMessage encode(RrdMessage message) {
        return encode(message, false);
    }

    /** As {@link #encode(RrdMessage)}, LZ4-compressing an ArrowMsg's payload when {@code lz4} is true. */
    public static EncodedMessage encode(RrdMessage message, boolean lz4) {
        Objects.requireNonNull(message, "message");
        if (message instanceof RrdMessage.SetStoreInfo m) {
            return frame(m.kind(), new ProtoWriter()
                    .bytes(1, tuid(m.rowId()))
                    .bytes(2, storeInfo(m.info()))
                    .toByteArray());
        }
        if (message instanceof RrdMessage.ArrowMsg m) {
            return arrow(m.storeId(), m.chunkId(), m.isStatic(), new ByteBuffer[] {m.ipc()}, lz4);
        }
        if (message instanceof RrdMessage.BlueprintActivation m) {
            ProtoWriter proto = new ProtoWriter().bytes(1, storeId(m.blueprintId()));
            // proto3 omits false booleans; Rerun reads absent as false.
            if (m.makeActive()) {
                proto.varint(2, 1);
            }
            if (m.makeDefault()) {
                proto.varint(3, 1);
            }
            return frame(m.kind(), proto.toByteArray());
        }
        throw new IllegalArgumentException(
                "End messages carry the footer: write them with RrdFooter.encode, which builds the manifests");
    }

    /**
     * Encodes an ArrowMsg whose IPC stream arrives in several segments (e.g. one of them the pixel buffer).
     *
     * <p>Uncompressed, the returned message <em>references</em> the given buffers (from position to limit, not
     * copied, positions not moved): the protobuf fields before the payload go first, then the payload's tag and
     * length, then the segments as they are. With {@code lz4}, the concatenation is compressed once as one LZ4
     * block and {@code uncompressed_size} records its exact length.
     *
     * @param storeId     the store
     * @param chunkId     the chunk id, or {@code null} to leave {@code chunk_id} absent
     * @param isStatic    true iff the chunk has no timeline columns
     * @param ipcSegments the Arrow IPC stream, in order
     * @param lz4         compress the payload
     * @throws IllegalArgumentException if the IPC stream is longer than {@link #MAX_IPC_BYTES}, or too long for
     *                                  LZ4's block format (about 2 GiB) when compressing; nothing is produced then
     */
    public static EncodedMessage encodeArrow(StoreId storeId, @Nullable Tuid chunkId, boolean isStatic, ByteBuffer[] ipcSegments, boolean lz4) {
        return arrow(storeId, chunkId, isStatic, ipcSegments, lz4);
    }

    private static EncodedMessage arrow(StoreId storeId, @Nullable Tuid chunkId, @Nullable Boolean isStatic, ByteBuffer[] ipcSegments, boolean lz4) {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(ipcSegments, "ipcSegments");
        ByteBuffer[] segments = ipcSegments.clone();  // the caller may reuse its array; the buffers stay the same objects
        long ipcLength = 0;
        for (int i = 0; i < segments.length; i++) {
            ipcLength += Objects.requireNonNull(segments[i], "ipcSegments[" + i + "]").remaining();
        }
        if (ipcLength > MAX_IPC_BYTES) {
            throw new IllegalArgumentException("Arrow IPC stream of " + ipcLength + " bytes exceeds the limit of "
                    + MAX_IPC_BYTES + " bytes per message");
        }
        if (lz4 && ipcLength >= MAX_LZ4_INPUT_BYTES) {
            throw new IllegalArgumentException("Arrow IPC stream of " + ipcLength + " bytes exceeds LZ4's block limit of "
                    + (MAX_LZ4_INPUT_BYTES - 1) + " bytes per compressed message");
        }
        ByteBuffer[] payload = lz4 ? new ByteBuffer[] {compress(segments, (int) ipcLength)} : segments;
        long payloadLength = 0;
        for (ByteBuffer segment : payload) {
            payloadLength += segment.remaining();
        }

        // Field order 1, 6, 2, 3, 4, 7, 5 puts the big payload last, so it can follow the prefix unchanged.
        ProtoWriter proto = new ProtoWriter().bytes(1, storeId(storeId));
        if (chunkId != null) {
            proto.bytes(6, tuid(chunkId));
        }
        proto.varint(2, (lz4 ? Compression.LZ4 : Compression.NONE).code());
        if (ipcLength > 0) {
            proto.varint(3, ipcLength);
        }
        proto.varint(4, ENCODING_ARROW_IPC);
        if (isStatic != null) {
            proto.varint(7, isStatic ? 1 : 0);
        }
        byte[] prefix = proto.lengthDelimitedHeader(5, (int) payloadLength).toByteArray();

        ByteBuffer head = header(RrdMessage.KIND_ARROW_MSG, prefix.length + payloadLength, prefix.length);
        head.put(prefix).flip();
        ByteBuffer[] all = new ByteBuffer[payload.length + 1];
        all[0] = head;
        System.arraycopy(payload, 0, all, 1, payload.length);
        return new EncodedMessage(all, head.remaining() + payloadLength);
    }

    private static ByteBuffer compress(ByteBuffer[] segments, int ipcLength) {
        ByteBuffer source;
        if (segments.length == 1) {
            source = segments[0];
        } else {
            // The block format needs one contiguous input; this is the one copy compression costs.
            source = ByteBuffer.allocate(ipcLength);
            for (ByteBuffer segment : segments) {
                source.put(segment.duplicate());
            }
            source.flip();
        }
        ByteBuffer compressed = ByteBuffer.allocate(LZ4.maxCompressedLength(ipcLength));
        int length = LZ4.compress(source, source.position(), ipcLength, compressed, 0, compressed.capacity());
        return compressed.limit(length);
    }

    private static EncodedMessage frame(long kind, byte[] payload) {
        ByteBuffer buffer = header(kind, payload.length, payload.length);
        buffer.put(payload).flip();
        return new EncodedMessage(new ByteBuffer[] {buffer}, buffer.remaining());
    }

    /** A buffer holding the 16-byte message header, with room for {@code extra} more bytes. */
    private static ByteBuffer header(long kind, long payloadLength, int extra) {
        return ByteBuffer.allocate(16 + extra).order(ByteOrder.LITTLE_ENDIAN).putLong(kind).putLong(payloadLength);
    }

    static byte[] tuid(Tuid tuid) {
        // Both fields always present: Rerun rejects a Tuid with either one missing, even when it is 0.
        return new ProtoWriter().fixed64(1, tuid.timeNs()).fixed64(2, tuid.inc()).toByteArray();
    }

    static byte[] storeId(StoreId id) {
        ProtoWriter proto = new ProtoWriter();
        if (id.kind() != StoreKind.UNSPECIFIED) {
            proto.varint(1, id.kind().code());
        }
        return proto.stringUnlessEmpty(2, id.recordingId())
                // The ApplicationId sub-message must be present; Rerun rejects a StoreId without it.
                .bytes(3, new ProtoWriter().stringUnlessEmpty(1, id.applicationId()).toByteArray())
                .toByteArray();
    }

    static byte[] storeInfo(StoreInfo info) {
        ProtoWriter proto = new ProtoWriter()
                .bytes(2, storeId(info.storeId()))
                .bytes(5, storeSource(info.source()));
        if (info.storeVersionBits() != null) {
            ProtoWriter version = new ProtoWriter();
            if (info.storeVersionBits() != 0) {
                version.varint(1, info.storeVersionBits());
            }
            proto.bytes(6, version.toByteArray());
        }
        return proto.toByteArray();
    }

    private static byte[] storeSource(StoreSource source) {
        ProtoWriter proto = new ProtoWriter();
        if (source.kind() != 0) {
            proto.varint(1, source.kind());
        }
        byte[] extra = source.extra();
        if (extra != null) {
            proto.bytes(2, new ProtoWriter().bytes(1, extra).toByteArray());
        }
        return proto.toByteArray();
    }
}
