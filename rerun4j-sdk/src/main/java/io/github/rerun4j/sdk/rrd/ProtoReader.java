package io.github.rerun4j.sdk.rrd;

import java.nio.ByteBuffer;

/**
 * Reads the protobuf wire format (varints, fixed64, length-delimited fields, nested limits) from an array or a
 * buffer (a file region mapped into memory, say; read with absolute gets, so its position never moves): the
 * little that decoding rrd's few messages needs, so that the SDK carries no protobuf runtime (protobuf-java is
 * 1.8 MB and clashes with the protobuf-javalite that many Android apps already have). Every read is bounds-checked
 * against the innermost limit; a malformed input is a {@link MalformedProtobufException}
 * ({@link #position()} says where).
 */
final class ProtoReader {

    static final int WIRETYPE_VARINT = 0;
    static final int WIRETYPE_FIXED64 = 1;
    static final int WIRETYPE_LENGTH_DELIMITED = 2;
    static final int WIRETYPE_START_GROUP = 3;
    static final int WIRETYPE_END_GROUP = 4;
    static final int WIRETYPE_FIXED32 = 5;

    /** Deepest nesting of groups skipped before the input is called malformed (protobuf-java's default). */
    private static final int MAX_GROUP_DEPTH = 100;

    private final ByteBuffer bytes;
    private int position;
    private int limit;

    ProtoReader(byte[] bytes) {
        this(ByteBuffer.wrap(bytes));
    }

    /** Reads {@code bytes} from index 0 to its limit. */
    ProtoReader(ByteBuffer bytes) {
        this.bytes = bytes;
        this.limit = bytes.limit();
    }

    static int fieldNumber(int tag) {
        return tag >>> 3;
    }

    static int wireType(int tag) {
        return tag & 7;
    }

    static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }

    /** The next field's tag, or 0 at the end of the input or of the current limit. */
    int readTag() throws MalformedProtobufException {
        if (position == limit) {
            return 0;
        }
        long tag = readRawVarint64();
        if (tag >>> 32 != 0 || fieldNumber((int) tag) == 0) {
            throw malformed("invalid tag " + Long.toUnsignedString(tag));
        }
        return (int) tag;
    }

    long readUInt64() throws MalformedProtobufException {
        return readRawVarint64();
    }

    /** An enum or int32 value: the varint's low 32 bits, as protobuf defines them. */
    int readInt32() throws MalformedProtobufException {
        return (int) readRawVarint64();
    }

    /** An enum value (an int32 on the wire). */
    int readEnum() throws MalformedProtobufException {
        return (int) readRawVarint64();
    }

    boolean readBool() throws MalformedProtobufException {
        return readRawVarint64() != 0;
    }

    long readFixed64() throws MalformedProtobufException {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (bytes.get(position + i) & 0xFFL) << (8 * i);
        }
        position += 8;
        return value;
    }

    /** A length prefix: a varint that must fit in a non-negative int. */
    int readLength() throws MalformedProtobufException {
        long length = readRawVarint64();
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw malformed("length " + Long.toUnsignedString(length) + " out of range");
        }
        return (int) length;
    }

    /** A bytes or string field's content (after its tag), copied. */
    byte[] readByteArray() throws MalformedProtobufException {
        int length = readLength();
        require(length);
        byte[] out = new byte[length];
        ByteBuffer view = bytes.duplicate();
        view.position(position);
        view.get(out);
        position += length;
        return out;
    }

    void skipRawBytes(int length) throws MalformedProtobufException {
        if (length < 0) {
            throw malformed("negative size " + length);
        }
        require(length);
        position += length;
    }

    /** Skips the field whose tag was just read. */
    void skipField(int tag) throws MalformedProtobufException {
        skipField(tag, 0);
    }

    private void skipField(int tag, int depth) throws MalformedProtobufException {
        switch (wireType(tag)) {
            case WIRETYPE_VARINT -> readRawVarint64();
            case WIRETYPE_FIXED64 -> skipRawBytes(8);
            case WIRETYPE_LENGTH_DELIMITED -> skipRawBytes(readLength());
            case WIRETYPE_FIXED32 -> skipRawBytes(4);
            case WIRETYPE_START_GROUP -> {
                if (depth >= MAX_GROUP_DEPTH) {
                    throw malformed("groups nested deeper than " + MAX_GROUP_DEPTH);
                }
                int end = tag(fieldNumber(tag), WIRETYPE_END_GROUP);
                for (int inner = readTag(); inner != end; inner = readTag()) {
                    if (inner == 0) {
                        throw malformed("group of field " + fieldNumber(tag) + " never ends");
                    }
                    skipField(inner, depth + 1);
                }
            }
            default -> throw malformed("field " + fieldNumber(tag) + " has invalid wire type " + wireType(tag));
        }
    }

    /** Narrows reading to the next {@code length} bytes; returns the limit to restore with {@link #popLimit}. */
    int pushLimit(int length) throws MalformedProtobufException {
        if (length < 0) {
            throw malformed("negative size " + length);
        }
        require(length);
        int old = limit;
        limit = position + length;
        return old;
    }

    void popLimit(int oldLimit) {
        limit = oldLimit;
    }

    /** Bytes consumed from the start of the input. */
    int position() {
        return position;
    }

    long readRawVarint64() throws MalformedProtobufException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position == limit) {
                throw truncated();
            }
            byte b = bytes.get(position++);
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw malformed("varint longer than 10 bytes");
    }

    private void require(int length) throws MalformedProtobufException {
        if (length > limit - position) {
            throw truncated();
        }
    }

    private MalformedProtobufException truncated() {
        return malformed("truncated: the message ends inside a field");
    }

    private MalformedProtobufException malformed(String reason) {
        return new MalformedProtobufException(reason);
    }

    /** The input is not valid protobuf. */
    static final class MalformedProtobufException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        MalformedProtobufException(String message) {
            super(message);
        }
    }
}
