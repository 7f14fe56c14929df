package io.github.rerun4j.grpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.github.rerun4j.sdk.rrd.EncodedMessage;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import io.github.rerun4j.sdk.rrd.RrdFormatException;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One proxy message's bytes: {@code 0x0A len LogMsg}, where {@code LogMsg} is a oneof whose field number is the
 * {@code .rrd} message kind ({@code set_store_info = 1}, {@code arrow_msg = 2},
 * {@code blueprint_activation_command = 3}) and whose value is the very payload an {@code .rrd} file frames with
 * its 16-byte header. So a file message becomes a proxy message by swapping that header for two protobuf tags,
 * and back: the SDK's encoder and reader do the real work.
 */
public final class LogMsgCodec {

    static final int SET_STORE_INFO = 1;
    static final int ARROW_MSG = 2;
    static final int BLUEPRINT_ACTIVATION = 3;

    private static final int FILE_HEADER_BYTES = 16;
    private static final byte[] STREAM_HEADER = RrdEncoder.streamHeader(false);

    private LogMsgCodec() {
    }

    /**
     * {@code message} as a {@code WriteMessagesRequest} / {@code ReadMessagesResponse}, ArrowMsg payloads
     * LZ4-compressed when {@code lz4}.
     */
    public static byte[] encode(LogMessage message, boolean lz4) {
        return wrap(message, lz4).bytes();
    }

    /**
     * A record read from an {@code .rrd} file (store info, chunk or blueprint activation) as a proxy message, ArrowMsg
     * payloads LZ4-compressed when {@code lz4}.
     *
     * @throws IllegalArgumentException for an End message (files end; proxy streams do not carry it)
     */
    public static byte[] encode(RrdMessage message, boolean lz4) {
        return wrap(RrdEncoder.encode(message, lz4)).bytes();
    }

    /** {@code message} as a proxy message made of the encoder's own buffers behind a protobuf prefix: no copy. */
    static ProxyMessage wrap(LogMessage message, boolean lz4) {
        return wrap(LogMessageCodec.encode(message, lz4));
    }

    private static ProxyMessage wrap(EncodedMessage framed) {
        ByteBuffer[] segments = framed.segments();
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int s = 0;
        // The 16-byte header is at the start of the first segment (which may hold more).
        while (header.hasRemaining()) {
            ByteBuffer from = segments[s].duplicate();
            int take = Math.min(from.remaining(), header.remaining());
            header.put(from.slice().limit(take));
            segments[s] = from.position(from.position() + take);
            if (!segments[s].hasRemaining()) {
                s++;
            }
        }
        header.flip();
        int kind = (int) header.getLong();
        long payloadLength = header.getLong();
        if (payloadLength > Integer.MAX_VALUE - 32) {
            throw new IllegalArgumentException("message of " + payloadLength + " bytes is too large for one gRPC message");
        }
        int logMsgLength = CodedOutputStream.computeTagSize(kind) + CodedOutputStream.computeUInt32SizeNoTag((int) payloadLength)
                + (int) payloadLength;
        byte[] prefix = new byte[CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(logMsgLength)
                + logMsgLength - (int) payloadLength];
        try {
            CodedOutputStream proto = CodedOutputStream.newInstance(prefix);
            proto.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            proto.writeUInt32NoTag(logMsgLength);
            proto.writeTag(kind, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            proto.writeUInt32NoTag((int) payloadLength);
            proto.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("encoding a proxy message: " + e.getMessage(), e);
        }
        ByteBuffer[] parts = new ByteBuffer[1 + segments.length - s];
        parts[0] = ByteBuffer.wrap(prefix);
        System.arraycopy(segments, s, parts, 1, segments.length - s);
        return ProxyMessage.wrap(parts);
    }

    /** Where a message goes in the proxy's history (Rerun's three queues). */
    public enum Queue {
        /** Store infos, blueprint activations and blueprint data: never dropped. */
        PERSISTENT,
        /** Static recording chunks: dropped only after every disposable one. */
        STATIC,
        /** Temporal recording chunks: dropped first, oldest first. */
        DISPOSABLE
    }

    /** The parts of a proxy message the hub needs. */
    record Parsed(int kind, int payloadOffset, int payloadLength, Queue queue) {
    }

    /**
     * Checks the wrapper and the {@code LogMsg} oneof and classifies the message. Only the few tags around the
     * payload are read, wherever the segments split them; the payload is skipped, not touched.
     *
     * @throws IOException naming what is wrong: not a {@code log_msg} field, an unknown kind, a length that runs
     *                     past the message, a damaged ArrowMsg header
     */
    static Parsed parse(ProxyMessage message) throws IOException {
        ProtoCursor in = new ProtoCursor(message, 0, message.length());
        int tag = in.tag();
        if (tag != (1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
            throw new IOException("expected field 1 (log_msg) first, found tag " + tag);
        }
        int logMsgLength = in.varint32();
        if (logMsgLength != in.remaining()) {
            throw new IOException("log_msg claims " + logMsgLength + " bytes, the message has " + in.remaining());
        }
        int inner = in.tag();
        int kind = WireFormat.getTagFieldNumber(inner);
        if (WireFormat.getTagWireType(inner) != WireFormat.WIRETYPE_LENGTH_DELIMITED
                || kind < SET_STORE_INFO || kind > BLUEPRINT_ACTIVATION) {
            throw new IOException("LogMsg field " + kind + " is not set_store_info (1), arrow_msg (2) or"
                    + " blueprint_activation_command (3)");
        }
        int payloadLength = in.varint32();
        int payloadOffset = in.position();
        if (payloadLength != in.remaining()) {
            throw new IOException("LogMsg field " + kind + " claims " + payloadLength + " bytes, the message has "
                    + in.remaining());
        }
        Queue queue = kind == ARROW_MSG ? arrowQueue(new ProtoCursor(message, payloadOffset, payloadLength)) : Queue.PERSISTENT;
        return new Parsed(kind, payloadOffset, payloadLength, queue);
    }

    /** An ArrowMsg's queue: blueprint store, else {@code is_static} (field 7, which may follow the payload). */
    private static Queue arrowQueue(ProtoCursor in) throws IOException {
        boolean isStatic = false;
        boolean blueprint = false;
        while (in.remaining() > 0) {
            int tag = in.tag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                ProtoCursor storeId = in.message();
                while (storeId.remaining() > 0) {
                    int t = storeId.tag();
                    if (WireFormat.getTagFieldNumber(t) == 1 && WireFormat.getTagWireType(t) == WireFormat.WIRETYPE_VARINT) {
                        blueprint = storeId.varint64() == StoreKind.BLUEPRINT.code();
                    } else {
                        storeId.skip(t);
                    }
                }
            } else if (field == 7 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                isStatic = in.varint64() != 0;
            } else {
                in.skip(tag);
            }
        }
        return blueprint ? Queue.PERSISTENT : isStatic ? Queue.STATIC : Queue.DISPOSABLE;
    }

    /**
     * A proxy message back as the {@code .rrd} record it carries (read by the SDK's {@link RrdReader}: the same
     * checks as for a file).
     *
     * @throws IOException when the message is not a valid proxy message or its payload not a valid record
     */
    public static RrdRecord decode(byte[] message) throws IOException {
        return decode(ProxyMessage.wrap(ByteBuffer.wrap(message)));
    }

    /** {@link #decode(byte[])} for a segmented message. */
    static RrdRecord decode(ProxyMessage message) throws IOException {
        Parsed p = parse(message);
        ByteBuffer file = ByteBuffer.allocate(STREAM_HEADER.length + FILE_HEADER_BYTES + p.payloadLength())
                .order(ByteOrder.LITTLE_ENDIAN);
        file.put(STREAM_HEADER).putLong(p.kind()).putLong(p.payloadLength());
        message.copyTo(p.payloadOffset(), p.payloadLength(), file);
        try (RrdReader reader = RrdReader.of(new ByteArrayInputStream(file.array()))) {
            RrdRecord record = reader.next();
            if (record == null) {
                throw new RrdFormatException(0, 0, "the proxy message holds no record");
            }
            return record;
        }
    }
}
