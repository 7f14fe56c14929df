package io.github.rerun4j.grpc;

import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * Reads protobuf tags and varints from a range of a {@link ProxyMessage}, wherever its segments split them, and
 * skips length-delimited fields by arithmetic: walking an ArrowMsg's header never touches its payload.
 */
final class ProtoCursor {

    private final ProxyMessage message;
    private final int end;
    private int position;

    ProtoCursor(ProxyMessage message, int from, int length) {
        this.message = message;
        this.position = from;
        this.end = from + length;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    /** A field's tag; field number 0 is not a tag. */
    int tag() throws IOException {
        int at = position;
        long tag = varint64();
        if (tag <= 0 || tag > Integer.MAX_VALUE || WireFormat.getTagFieldNumber((int) tag) == 0) {
            throw new IOException("no valid protobuf tag at byte " + at + " (read " + tag + ")");
        }
        return (int) tag;
    }

    /** A varint that must fit a non-negative int (lengths). */
    int varint32() throws IOException {
        int at = position;
        long v = varint64();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IOException("varint at byte " + at + " is " + Long.toUnsignedString(v) + ", more than a length can be");
        }
        return (int) v;
    }

    long varint64() throws IOException {
        int at = position;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new IOException("the message ends inside the varint at byte " + at);
            }
            int b = message.byteAt(position++);
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("the varint at byte " + at + " is longer than 10 bytes");
    }

    /** The length-delimited field whose tag was just read, as a cursor of its own; this one moves past it. */
    ProtoCursor message() throws IOException {
        int length = length();
        ProtoCursor inner = new ProtoCursor(message, position, length);
        position += length;
        return inner;
    }

    /** Skips the value of the field whose tag was just read. */
    void skip(int tag) throws IOException {
        switch (WireFormat.getTagWireType(tag)) {
            case WireFormat.WIRETYPE_VARINT -> varint64();
            case WireFormat.WIRETYPE_FIXED64 -> advance(8, tag);
            case WireFormat.WIRETYPE_LENGTH_DELIMITED -> message();
            case WireFormat.WIRETYPE_FIXED32 -> advance(4, tag);
            default -> throw new IOException("field " + WireFormat.getTagFieldNumber(tag) + " has wire type "
                    + WireFormat.getTagWireType(tag) + " (groups are not used by Rerun's messages)");
        }
    }

    private int length() throws IOException {
        int at = position;
        int length = varint32();
        if (length > remaining()) {
            throw new IOException("a field at byte " + at + " claims " + length + " bytes, only " + remaining() + " follow");
        }
        return length;
    }

    private void advance(int bytes, int tag) throws IOException {
        if (bytes > remaining()) {
            throw new IOException("field " + WireFormat.getTagFieldNumber(tag) + " needs " + bytes + " bytes, only "
                    + remaining() + " follow");
        }
        position += bytes;
    }
}
