package io.github.rerun4j.sdk.rrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SDK's own protobuf wire code against protobuf-java (test scope only, an independent implementation):
 * the same bytes written, the same fields read, and malformed input refused wherever protobuf-java refuses it.
 */
class ProtoWireCrossCheckTest {

    private static final Random RANDOM = new Random(20261203);

    @Test
    void writesTheBytesProtobufJavaWrites() throws IOException {
        for (int round = 0; round < 2000; round++) {
            ProtoWriter ours = new ProtoWriter();
            ByteArrayOutputStream theirsBytes = new ByteArrayOutputStream();
            CodedOutputStream theirs = CodedOutputStream.newInstance(theirsBytes);
            for (int f = 0; f < 1 + RANDOM.nextInt(6); f++) {
                int field = 1 + RANDOM.nextInt(RANDOM.nextBoolean() ? 15 : (1 << 29) - 1);
                switch (RANDOM.nextInt(4)) {
                    case 0 -> {
                        long v = interestingLong();
                        ours.fixed64(field, v);
                        theirs.writeFixed64(field, v);
                    }
                    case 1 -> {
                        long v = interestingLong();
                        ours.varint(field, v);
                        theirs.writeUInt64(field, v);
                    }
                    case 2 -> {
                        byte[] v = randomBytes(RANDOM.nextInt(300));
                        ours.bytes(field, v);
                        theirs.writeByteArray(field, v);
                    }
                    default -> {
                        String v = RANDOM.nextBoolean() ? "" : "rec_" + RANDOM.nextInt() + "\u00e9\u4e2d";
                        ours.stringUnlessEmpty(field, v);
                        if (!v.isEmpty()) {
                            theirs.writeString(field, v);
                        }
                    }
                }
            }
            theirs.flush();
            assertThat(ours.toByteArray()).isEqualTo(theirsBytes.toByteArray());
        }
    }

    @Test
    void readsWhatProtobufJavaWritesIncludingFieldsItSkips() throws IOException {
        for (int round = 0; round < 2000; round++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            for (int f = 0; f < 1 + RANDOM.nextInt(6); f++) {
                int field = 1 + RANDOM.nextInt(1000);
                switch (RANDOM.nextInt(6)) {
                    case 0 -> out.writeFixed64(field, interestingLong());
                    case 1 -> out.writeUInt64(field, interestingLong());
                    case 2 -> out.writeByteArray(field, randomBytes(RANDOM.nextInt(200)));
                    case 3 -> out.writeFixed32(field, RANDOM.nextInt());
                    case 4 -> out.writeInt32(field, RANDOM.nextInt());
                    default -> {
                        out.writeTag(field, WireFormat.WIRETYPE_START_GROUP);
                        out.writeUInt64(field + 1, interestingLong());
                        out.writeTag(field, WireFormat.WIRETYPE_END_GROUP);
                    }
                }
            }
            out.flush();
            byte[] message = bytes.toByteArray();
            assertThat(readOurs(message)).isEqualTo(readTheirs(message));
        }
    }

    @Test
    void refusesMalformedInputWhereProtobufJavaDoes() {
        int refusedByBoth = 0;
        for (int round = 0; round < 20000; round++) {
            byte[] input = randomBytes(1 + RANDOM.nextInt(24));
            List<String> theirs;
            try {
                theirs = readTheirs(input);
            } catch (IOException e) {
                assertThatThrownBy(() -> readOurs(input)).as(Arrays.toString(input))
                        .isInstanceOf(ProtoReader.MalformedProtobufException.class);
                refusedByBoth++;
                continue;
            }
            try {
                assertThat(readOurs(input)).as(Arrays.toString(input)).isEqualTo(theirs);
            } catch (ProtoReader.MalformedProtobufException e) {
                // Stricter in one documented place only: a tag beyond 32 bits (protobuf-java drops the high bits).
                assertThat(e).as(Arrays.toString(input)).hasMessageStartingWith("invalid tag");
            }
        }
        assertThat(refusedByBoth).isGreaterThan(1000);
    }

    @Test
    void limitsNestAndAreBoundsChecked() throws IOException {
        ProtoWriter inner = new ProtoWriter().varint(1, 300).fixed64(2, -1);
        byte[] message = new ProtoWriter().bytes(5, inner.toByteArray()).varint(6, 1).toByteArray();
        ProtoReader in = new ProtoReader(message);
        int tag = in.readTag();
        assertThat(ProtoReader.fieldNumber(tag)).isEqualTo(5);
        int old = in.pushLimit(in.readLength());
        List<Long> values = new ArrayList<>();
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            values.add(ProtoReader.wireType(t) == ProtoReader.WIRETYPE_VARINT ? in.readUInt64() : in.readFixed64());
        }
        in.popLimit(old);
        assertThat(values).containsExactly(300L, -1L);
        assertThat(ProtoReader.fieldNumber(in.readTag())).isEqualTo(6);
        assertThat(in.readBool()).isTrue();
        assertThat(in.readTag()).isZero();

        ProtoReader cut = new ProtoReader(Arrays.copyOf(message, 5));
        cut.readTag();
        assertThatThrownBy(() -> cut.pushLimit(cut.readLength()))
                .isInstanceOf(ProtoReader.MalformedProtobufException.class).hasMessageContaining("truncated");
    }

    /** Every field as "number:wiretype=value" (bytes as their length and hash), skipping groups. */
    private static List<String> readOurs(byte[] message) throws ProtoReader.MalformedProtobufException {
        ProtoReader in = new ProtoReader(message);
        List<String> fields = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int n = ProtoReader.fieldNumber(tag);
            switch (ProtoReader.wireType(tag)) {
                case ProtoReader.WIRETYPE_VARINT -> fields.add(n + ":v=" + in.readUInt64());
                case ProtoReader.WIRETYPE_FIXED64 -> fields.add(n + ":f=" + in.readFixed64());
                case ProtoReader.WIRETYPE_LENGTH_DELIMITED -> fields.add(n + ":b=" + Arrays.hashCode(in.readByteArray()));
                default -> {
                    in.skipField(tag);
                    fields.add(n + ":skipped");
                }
            }
        }
        return fields;
    }

    private static List<String> readTheirs(byte[] message) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        List<String> fields = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int n = WireFormat.getTagFieldNumber(tag);
            switch (WireFormat.getTagWireType(tag)) {
                case WireFormat.WIRETYPE_VARINT -> fields.add(n + ":v=" + in.readUInt64());
                case WireFormat.WIRETYPE_FIXED64 -> fields.add(n + ":f=" + in.readFixed64());
                case WireFormat.WIRETYPE_LENGTH_DELIMITED -> fields.add(n + ":b=" + Arrays.hashCode(in.readByteArray()));
                default -> {
                    if (!in.skipField(tag)) { // an end-group tag outside a group
                        throw new IOException("unexpected end group");
                    }
                    fields.add(n + ":skipped");
                }
            }
        }
        return fields;
    }

    private static long interestingLong() {
        return switch (RANDOM.nextInt(5)) {
            case 0 -> RANDOM.nextInt(128);
            case 1 -> RANDOM.nextInt();
            case 2 -> Long.MIN_VALUE + RANDOM.nextInt(3);
            case 3 -> Long.MAX_VALUE - RANDOM.nextInt(3);
            default -> RANDOM.nextLong() >>> RANDOM.nextInt(64);
        };
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
