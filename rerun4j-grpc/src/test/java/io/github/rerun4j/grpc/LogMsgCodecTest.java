package io.github.rerun4j.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import io.github.rerun4j.sdk.rrd.StoreKind;
import io.github.rerun4j.sdk.sink.MemorySink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The proxy classifies messages from their first and last few tags wherever segments split them, as protobuf's own
 * parser does over the joined bytes (the reference here), and refuses what is cut short or malformed.
 */
class LogMsgCodecTest {

    /** protobuf-java over one array: what {@link LogMsgCodec#parse} must agree with. */
    private static LogMsgCodec.Parsed reference(byte[] message) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        assertThat(in.readTag()).isEqualTo(1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED);
        in.readRawVarint32();
        int kind = WireFormat.getTagFieldNumber(in.readTag());
        int payloadLength = in.readRawVarint32();
        int payloadOffset = in.getTotalBytesRead();
        if (kind != 2) {
            return new LogMsgCodec.Parsed(kind, payloadOffset, payloadLength, LogMsgCodec.Queue.PERSISTENT);
        }
        CodedInputStream arrow = CodedInputStream.newInstance(message, payloadOffset, payloadLength);
        boolean isStatic = false;
        boolean blueprint = false;
        while (!arrow.isAtEnd()) {
            int tag = arrow.readTag();
            if (tag == (1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                int limit = arrow.pushLimit(arrow.readRawVarint32());
                while (!arrow.isAtEnd()) {
                    int t = arrow.readTag();
                    if (t == (1 << 3 | WireFormat.WIRETYPE_VARINT)) {
                        blueprint = arrow.readEnum() == StoreKind.BLUEPRINT.code();
                    } else {
                        arrow.skipField(t);
                    }
                }
                arrow.popLimit(limit);
            } else if (tag == (7 << 3 | WireFormat.WIRETYPE_VARINT)) {
                isStatic = arrow.readBool();
            } else {
                arrow.skipField(tag);
            }
        }
        LogMsgCodec.Queue queue = blueprint ? LogMsgCodec.Queue.PERSISTENT
                : isStatic ? LogMsgCodec.Queue.STATIC : LogMsgCodec.Queue.DISPOSABLE;
        return new LogMsgCodec.Parsed(kind, payloadOffset, payloadLength, queue);
    }

    /** {@link LogMsgCodec#parse} of a message in one array. */
    private static LogMsgCodec.Parsed parse(byte[] message) throws IOException {
        return LogMsgCodec.parse(ProxyMessage.wrap(ByteBuffer.wrap(message)));
    }

    /** A store info, a static image, temporal frames (the SDK's own encoding: is_static before the payload). */
    private static List<byte[]> sdkMessages() {
        MemorySink memory = new MemorySink();
        Recordings.log(memory, "r", 0, 3);
        List<byte[]> out = new ArrayList<>();
        for (LogMessage m : memory.messages()) {
            out.add(LogMsgCodec.encode(m, false));
        }
        StoreId blueprint = new StoreId(StoreKind.BLUEPRINT, "bp", "proxy_test");
        out.add(LogMsgCodec.encode(new LogMessage.StoreInfoMessage(StoreInfo.of(blueprint)), false));
        return out;
    }

    /**
     * An ArrowMsg in field-number order, as Rerun's Rust SDK writes it: {@code is_static} (7) after a payload of
     * {@code payloadBytes}, and an unknown fixed32 and fixed64 field for good measure.
     */
    private static byte[] rustOrderArrowMsg(StoreKind kind, boolean isStatic, int payloadBytes) throws IOException {
        ByteArrayOutputStream storeId = new ByteArrayOutputStream();
        CodedOutputStream s = CodedOutputStream.newInstance(storeId);
        s.writeEnum(1, kind.code());
        s.writeString(2, "rec");
        s.flush();
        byte[] payload = new byte[payloadBytes];
        new Random(payloadBytes).nextBytes(payload);
        ByteArrayOutputStream arrow = new ByteArrayOutputStream();
        CodedOutputStream a = CodedOutputStream.newInstance(arrow);
        a.writeByteArray(1, storeId.toByteArray());
        a.writeEnum(2, 0);
        a.writeInt32(3, payloadBytes);
        a.writeEnum(4, 1);
        a.writeByteArray(5, payload);
        a.writeFixed32(11, 7);
        a.writeFixed64(12, 9);
        a.writeBool(7, isStatic);
        a.flush();
        return wrapLogMsg(2, arrow.toByteArray());
    }

    private static byte[] wrapLogMsg(int kind, byte[] payload) throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        CodedOutputStream i = CodedOutputStream.newInstance(inner);
        i.writeByteArray(kind, payload);
        i.flush();
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(outer);
        o.writeByteArray(1, inner.toByteArray());
        o.flush();
        return outer.toByteArray();
    }

    /** {@code bytes} in three segments, split at {@code a} and {@code b}. */
    private static ProxyMessage split(byte[] bytes, int a, int b) {
        return ProxyMessage.wrap(ByteBuffer.wrap(bytes, 0, a), ByteBuffer.wrap(bytes, a, b - a),
                ByteBuffer.wrap(bytes, b, bytes.length - b));
    }

    @Test
    void classifiesLikeProtobufWhereverTheSegmentsSplitTheTags() throws Exception {
        List<byte[]> messages = new ArrayList<>(sdkMessages());
        messages.add(rustOrderArrowMsg(StoreKind.RECORDING, true, 300_000));
        messages.add(rustOrderArrowMsg(StoreKind.RECORDING, false, 1000));
        messages.add(rustOrderArrowMsg(StoreKind.BLUEPRINT, false, 100));
        List<LogMsgCodec.Queue> queues = new ArrayList<>();
        for (byte[] m : messages) {
            LogMsgCodec.Parsed expected = reference(m);
            queues.add(expected.queue());
            assertThat(parse(m)).isEqualTo(expected);
            assertThat(LogMsgCodec.parse(ProxyMessage.read(new ByteArrayInputStream(m)))).isEqualTo(expected);
            // Every split in the first and the last 40 bytes, where the tags are.
            for (int a = 0; a <= Math.min(40, m.length); a++) {
                for (int b = Math.max(a, m.length - 40); b <= m.length; b++) {
                    assertThat(LogMsgCodec.parse(split(m, a, b))).as("split at %d and %d", a, b).isEqualTo(expected);
                }
            }
        }
        assertThat(queues).containsExactly(
                LogMsgCodec.Queue.PERSISTENT,                       // store info
                LogMsgCodec.Queue.STATIC,                           // the static image
                LogMsgCodec.Queue.DISPOSABLE, LogMsgCodec.Queue.DISPOSABLE, LogMsgCodec.Queue.DISPOSABLE,
                LogMsgCodec.Queue.PERSISTENT,                       // blueprint store info
                LogMsgCodec.Queue.STATIC,                           // is_static after the payload
                LogMsgCodec.Queue.DISPOSABLE,
                LogMsgCodec.Queue.PERSISTENT);                      // a blueprint chunk
    }

    @Test
    void aMessageCutShortAnywhereIsAnIoErrorNotACrash() throws Exception {
        byte[] whole = rustOrderArrowMsg(StoreKind.RECORDING, true, 200);
        for (int n = 0; n < whole.length; n++) {
            byte[] cut = Arrays.copyOf(whole, n);
            assertThatThrownBy(() -> parse(cut)).as("cut to %d bytes", n).isInstanceOf(IOException.class);
        }
    }

    @Test
    void malformedTagsAndLengthsAreNamed() throws Exception {
        assertThatThrownBy(() -> parse(new byte[] {0x12, 0})).hasMessageContaining("field 1 (log_msg)");
        assertThatThrownBy(() -> parse(wrapLogMsg(9, new byte[3]))).hasMessageContaining("LogMsg field 9");
        byte[] endless = new byte[14];
        Arrays.fill(endless, 2, 14, (byte) 0xFF);
        endless[0] = 0x0A;
        endless[1] = 12;
        assertThatThrownBy(() -> parse(endless)).hasMessageContaining("longer than 10 bytes");
        // An ArrowMsg whose store_id claims more bytes than the message holds.
        byte[] arrow = {0x0A, 0x7F, 0x01};
        assertThatThrownBy(() -> parse(wrapLogMsg(2, arrow))).hasMessageContaining("claims 127 bytes, only 1 follow");
        // A group (wire type 3) in an ArrowMsg.
        assertThatThrownBy(() -> parse(wrapLogMsg(2, new byte[] {0x0B}))).hasMessageContaining("wire type 3");
    }

    @Test
    void theEncoderWrapsItsOwnBuffersAndDecodesBack() throws Exception {
        MemorySink memory = new MemorySink();
        Recordings.log(memory, "r", 1, 2);
        for (LogMessage m : memory.messages()) {
            ProxyMessage wrapped = LogMsgCodec.wrap(m, false);
            byte[] joined = wrapped.bytes();
            assertThat(wrapped.copy().bytes()).isEqualTo(joined);
            assertThat(LogMsgCodec.decode(wrapped)).isEqualTo(LogMsgCodec.decode(joined));
            assertThat(LogMsgCodec.decode(wrapped.copy())).isEqualTo(LogMsgCodec.decode(joined));
        }
    }
}
