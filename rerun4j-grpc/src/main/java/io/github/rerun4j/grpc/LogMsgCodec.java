package io.github.rerun4j.grpc;

import com.google.protobuf.CodedInputStream;
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
        return fromFramed(LogMessageCodec.encode(message, lz4));
    }

    /**
     * A record read from an {@code .rrd} file (store info, chunk or blueprint activation) as a proxy message, ArrowMsg
     * payloads LZ4-compressed when {@code lz4}.
     *
     * @throws IllegalArgumentException for an End message (files end; proxy streams do not carry it)
     */
    public static byte[] encode(RrdMessage message, boolean lz4) {
        return fromFramed(RrdEncoder.encode(message, lz4));
    }

    private static byte[] fromFramed(EncodedMessage framed) {
        ByteBuffer[] segments = framed.segments();
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int headerBytes = 0;
        int s = 0;
        ByteBuffer first = null;
        // The 16-byte header is at the start of the first segment (which may hold more).
        while (headerBytes < FILE_HEADER_BYTES) {
            first = segments[s].duplicate();
            int take = Math.min(first.remaining(), FILE_HEADER_BYTES - headerBytes);
            ByteBuffer part = first.slice();
            part.limit(take);
            header.put(part);
            headerBytes += take;
            first.position(first.position() + take);
            segments[s] = first;
            if (!first.hasRemaining()) {
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
        int total = CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(logMsgLength) + logMsgLength;
        byte[] out = new byte[total];
        try {
            CodedOutputStream proto = CodedOutputStream.newInstance(out);
            proto.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            proto.writeUInt32NoTag(logMsgLength);
            proto.writeTag(kind, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            proto.writeUInt32NoTag((int) payloadLength);
            for (int i = s; i < segments.length; i++) {
                proto.write(segments[i].duplicate());
            }
            proto.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("encoding a proxy message: " + e.getMessage(), e);
        }
        return out;
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
     * Checks the wrapper and the {@code LogMsg} oneof and classifies the message.
     *
     * @throws IOException naming what is wrong: not a {@code log_msg} field, an unknown kind, a length that runs
     *                     past the message, a damaged ArrowMsg header
     */
    static Parsed parse(byte[] message) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        int tag = in.readTag();
        if (tag != (1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
            throw new IOException("expected field 1 (log_msg) first, found tag " + tag);
        }
        int logMsgLength = in.readRawVarint32();
        if (logMsgLength != message.length - in.getTotalBytesRead()) {
            throw new IOException("log_msg claims " + logMsgLength + " bytes, the message has "
                    + (message.length - in.getTotalBytesRead()));
        }
        int inner = in.readTag();
        int kind = WireFormat.getTagFieldNumber(inner);
        if (WireFormat.getTagWireType(inner) != WireFormat.WIRETYPE_LENGTH_DELIMITED
                || kind < SET_STORE_INFO || kind > BLUEPRINT_ACTIVATION) {
            throw new IOException("LogMsg field " + kind + " is not set_store_info (1), arrow_msg (2) or"
                    + " blueprint_activation_command (3)");
        }
        int payloadLength = in.readRawVarint32();
        int payloadOffset = in.getTotalBytesRead();
        if (payloadLength != message.length - payloadOffset) {
            throw new IOException("LogMsg field " + kind + " claims " + payloadLength + " bytes, the message has "
                    + (message.length - payloadOffset));
        }
        Queue queue = kind == ARROW_MSG ? arrowQueue(message, payloadOffset, payloadLength) : Queue.PERSISTENT;
        return new Parsed(kind, payloadOffset, payloadLength, queue);
    }

    private static Queue arrowQueue(byte[] message, int offset, int length) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message, offset, length);
        boolean isStatic = false;
        boolean blueprint = false;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (!in.isAtEnd()) {
                    int t = in.readTag();
                    if (WireFormat.getTagFieldNumber(t) == 1 && WireFormat.getTagWireType(t) == WireFormat.WIRETYPE_VARINT) {
                        blueprint = in.readEnum() == StoreKind.BLUEPRINT.code();
                    } else {
                        in.skipField(t);
                    }
                }
                in.popLimit(limit);
            } else if (field == 7 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                isStatic = in.readBool();
            } else {
                in.skipField(tag);
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
        Parsed p = parse(message);
        ByteBuffer file = ByteBuffer.allocate(STREAM_HEADER.length + FILE_HEADER_BYTES + p.payloadLength())
                .order(ByteOrder.LITTLE_ENDIAN);
        file.put(STREAM_HEADER).putLong(p.kind()).putLong(p.payloadLength())
                .put(message, p.payloadOffset(), p.payloadLength());
        try (RrdReader reader = RrdReader.of(new ByteArrayInputStream(file.array()))) {
            RrdRecord record = reader.next();
            if (record == null) {
                throw new RrdFormatException(0, 0, "the proxy message holds no record");
            }
            return record;
        }
    }
}
