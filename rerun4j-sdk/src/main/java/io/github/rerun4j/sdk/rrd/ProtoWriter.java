package io.github.rerun4j.sdk.rrd;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written protobuf encoding of the few small messages rrd needs (no generated code). Sub-messages are
 * encoded child first into their own arrays; they are tiny, so the copies cost nothing worth avoiding.
 */
final class ProtoWriter {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes, 64);

    /** A fixed64 field, always written (presence matters for Tuid). */
    ProtoWriter fixed64(int field, long value) {
        return write(() -> out.writeFixed64(field, value));
    }

    /** A varint field (enum, bool, int32, uint64), written even when 0: only call it for fields to be present. */
    ProtoWriter varint(int field, long value) {
        return write(() -> out.writeUInt64(field, value));
    }

    /** A string field, omitted when empty as proto3 does for non-optional strings. */
    ProtoWriter stringUnlessEmpty(int field, String value) {
        return value.isEmpty() ? this : write(() -> out.writeByteArray(field, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A bytes field or an encoded sub-message, always written (present even when empty). */
    ProtoWriter bytes(int field, byte[] value) {
        return write(() -> out.writeByteArray(field, value));
    }

    /** Only the tag and length of a length-delimited field; the caller appends the content itself. */
    ProtoWriter lengthDelimitedHeader(int field, int length) {
        return write(() -> {
            out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(length);
        });
    }

    byte[] toByteArray() {
        write(out::flush);
        return bytes.toByteArray();
    }

    private interface Step {
        void run() throws IOException;
    }

    private ProtoWriter write(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            // A ByteArrayOutputStream never fails; this is only here because CodedOutputStream declares it.
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
