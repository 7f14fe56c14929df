package io.github.rerun4j.grpc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol description's wire bytes, by hand (independent of {@link LogMsgCodec}): an {@code .rrd} file's
 * messages ({@code kind u64le, length u64le, payload}) as {@code WriteMessagesRequest}s
 * ({@code 0x0A len(LogMsg) LogMsg}, {@code LogMsg = tag(kind, LEN) varint(len) payload}), and back.
 */
final class WireForm {

    /** One message of a file: its kind (oneof field number) and payload. */
    record Part(int kind, byte[] payload) {
    }

    private WireForm() {
    }

    /** The messages of a whole uncompressed-header {@code .rrd} file (12-byte stream header, no footer). */
    static List<Part> fileMessages(byte[] rrd) {
        ByteBuffer b = ByteBuffer.wrap(rrd).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        List<Part> parts = new ArrayList<>();
        while (b.remaining() >= 16) {
            int kind = (int) b.getLong();
            int length = (int) b.getLong();
            byte[] payload = new byte[length];
            b.get(payload);
            parts.add(new Part(kind, payload));
        }
        return parts;
    }

    static byte[] request(Part part) {
        ByteArrayOutputStream logMsg = new ByteArrayOutputStream();
        logMsg.write(part.kind() << 3 | 2);
        varint(logMsg, part.payload().length);
        logMsg.writeBytes(part.payload());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x0A);
        varint(out, logMsg.size());
        out.writeBytes(logMsg.toByteArray());
        return out.toByteArray();
    }

    /** A {@code ReadMessagesResponse} back to the file message it carries. */
    static Part response(byte[] message) {
        int[] pos = {0};
        if (message[pos[0]++] != 0x0A) {
            throw new IllegalArgumentException("not field 1");
        }
        readVarint(message, pos);
        int tag = message[pos[0]++];
        int length = readVarint(message, pos);
        byte[] payload = new byte[length];
        System.arraycopy(message, pos[0], payload, 0, length);
        return new Part(tag >>> 3, payload);
    }

    /** A whole {@code .rrd} file made of {@code parts} behind {@code streamHeader}. */
    static byte[] file(byte[] streamHeader, List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(streamHeader);
        for (Part p : parts) {
            out.writeBytes(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(p.kind()).putLong(p.payload().length).array());
            out.writeBytes(p.payload());
        }
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int readVarint(byte[] b, int[] pos) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b[pos[0]++];
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
    }
}
