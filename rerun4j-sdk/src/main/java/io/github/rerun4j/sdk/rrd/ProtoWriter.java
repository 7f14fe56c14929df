package io.github.rerun4j.sdk.rrd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written protobuf encoding of the few small messages rrd needs (no generated code, no protobuf runtime;
 * {@link ProtoReader} is the other half). Sub-messages are encoded child first into their own arrays; they are
 * tiny, so the copies cost nothing worth avoiding.
 */
final class ProtoWriter {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

    /** A fixed64 field, always written (presence matters for Tuid). */
    ProtoWriter fixed64(int field, long value) {
        tag(field, ProtoReader.WIRETYPE_FIXED64);
        for (int i = 0; i < 8; i++) {
            bytes.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    /** A varint field (enum, bool, int32, uint64), written even when 0: only call it for fields to be present. */
    ProtoWriter varint(int field, long value) {
        tag(field, ProtoReader.WIRETYPE_VARINT);
        rawVarint(value);
        return this;
    }

    /** A string field, omitted when empty as proto3 does for non-optional strings. */
    ProtoWriter stringUnlessEmpty(int field, String value) {
        return value.isEmpty() ? this : bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A bytes field or an encoded sub-message, always written (present even when empty). */
    ProtoWriter bytes(int field, byte[] value) {
        lengthDelimitedHeader(field, value.length);
        bytes.writeBytes(value);
        return this;
    }

    /** Only the tag and length of a length-delimited field; the caller appends the content itself. */
    ProtoWriter lengthDelimitedHeader(int field, int length) {
        tag(field, ProtoReader.WIRETYPE_LENGTH_DELIMITED);
        rawVarint(Integer.toUnsignedLong(length));
        return this;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint(Integer.toUnsignedLong(ProtoReader.tag(field, wireType)));
    }

    private void rawVarint(long value) {
        while ((value & ~0x7FL) != 0) {
            bytes.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes.write((int) value);
    }
}
