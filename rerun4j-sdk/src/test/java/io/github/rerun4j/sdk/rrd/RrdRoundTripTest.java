package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.chunk.Tuid;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RrdRoundTripTest {

    private static final StoreId STORE = RrdTestBytes.STORE;

    private static RrdTestBytes.Outcome roundTrip(RrdMessage message, boolean lz4) {
        RrdTestBytes.Outcome outcome = RrdTestBytes.readChannel(RrdTestBytes.stream(lz4).message(message, lz4).bytes());
        assertThat(outcome.error()).isNull();
        assertThat(outcome.records()).hasSize(1);
        return outcome;
    }

    @Test
    void setStoreInfo() {
        RrdMessage message = new RrdMessage.SetStoreInfo(Tuid.next(), StoreInfo.of(STORE));
        assertThat(roundTrip(message, false).messages()).containsExactly(message);
    }

    @Test
    void setStoreInfoWithUnknownSourceAndNoVersion() {
        StoreInfo info = new StoreInfo(new StoreId(StoreKind.UNSPECIFIED, "", "app"), StoreSource.UNKNOWN, null);
        RrdMessage message = new RrdMessage.SetStoreInfo(new Tuid(0, 0), info);
        assertThat(roundTrip(message, false).messages()).containsExactly(message);
    }

    @Test
    void arrowMsgUncompressed() {
        RrdMessage message = new RrdMessage.ArrowMsg(STORE, Tuid.next(), true, ByteBuffer.wrap(randomBytes(5000)));
        RrdTestBytes.Outcome outcome = roundTrip(message, false);
        assertThat(outcome.messages()).containsExactly(message);
        assertThat(outcome.records().get(0).payloadCompression()).isEqualTo(Compression.NONE);
    }

    @Test
    void arrowMsgLz4() {
        byte[] ipc = new byte[100_000];
        System.arraycopy(randomBytes(1000), 0, ipc, 500, 1000);
        RrdMessage message = new RrdMessage.ArrowMsg(STORE, Tuid.next(), false, ByteBuffer.wrap(ipc));
        RrdTestBytes.Outcome outcome = roundTrip(message, true);
        assertThat(outcome.messages()).containsExactly(message);
        assertThat(outcome.records().get(0).payloadCompression()).isEqualTo(Compression.LZ4);
        assertThat(outcome.records().get(0).framedLength()).isLessThan(ipc.length / 10);
    }

    @Test
    void arrowMsgWithoutOptionalFields() {
        RrdMessage message = new RrdMessage.ArrowMsg(STORE, null, null, ByteBuffer.allocate(0));
        assertThat(roundTrip(message, false).messages()).containsExactly(message);
    }

    @Test
    void zeroCopySegmentsReadBackAsTheirConcatenation() {
        byte[] all = randomBytes(3000);
        ByteBuffer[] segments = {
                ByteBuffer.wrap(all, 0, 100).slice(), ByteBuffer.wrap(all, 100, 2800).slice(), ByteBuffer.wrap(all, 2900, 100).slice()};
        for (boolean lz4 : new boolean[] {false, true}) {
            byte[] file = RrdTestBytes.stream(lz4)
                    .raw(RrdEncoder.encodeArrow(STORE, new Tuid(7, 8), false, segments, lz4).toByteArray()).bytes();
            RrdTestBytes.Outcome outcome = RrdTestBytes.readChannel(file);
            assertThat(outcome.error()).isNull();
            assertThat(outcome.messages()).containsExactly(new RrdMessage.ArrowMsg(STORE, new Tuid(7, 8), false, ByteBuffer.wrap(all)));
        }
    }

    @Test
    void blueprintActivation() {
        StoreId blueprint = new StoreId(StoreKind.BLUEPRINT, "bp_1", "app");
        for (boolean active : new boolean[] {false, true}) {
            RrdMessage message = new RrdMessage.BlueprintActivation(blueprint, active, !active);
            assertThat(roundTrip(message, false).messages()).containsExactly(message);
        }
    }

    @Test
    void endMessageWithTrailerThenEndOfInput() {
        byte[] file = RrdTestBytes.stream(false).endWithTrailer(new byte[] {0x0a, 0x03, 1, 2, 3}).bytes();
        RrdTestBytes.Outcome outcome = RrdTestBytes.readChannel(file);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.messages()).containsExactly(new RrdMessage.End());
        assertThat(outcome.records().get(0).framedLength()).isEqualTo(16 + 5);
    }

    @Test
    void everyTypeInOneStreamThroughChannelAndInputStream() {
        byte[] file = RrdTestBytes.sample().bytes();
        RrdTestBytes.Outcome viaChannel = RrdTestBytes.readChannel(file);
        RrdTestBytes.Outcome viaStream = RrdTestBytes.readStream(file);
        assertThat(viaChannel.error()).isNull();
        assertThat(viaStream.error()).isNull();
        assertThat(viaChannel.messages()).extracting(RrdMessage::kind).containsExactly(1L, 2L, 2L, 3L, 0L);
        assertThat(viaStream.records()).isEqualTo(viaChannel.records());
        assertThat(viaChannel.records().get(0).offset()).isEqualTo(12);
        for (int i = 1; i < viaChannel.records().size(); i++) {
            RrdRecord previous = viaChannel.records().get(i - 1);
            assertThat(viaChannel.records().get(i).offset()).isEqualTo(previous.offset() + previous.framedLength());
        }
    }

    @Test
    void concatenatedStreamsReadAllMessages() {
        byte[] first = RrdTestBytes.sample().bytes();
        byte[] second = RrdTestBytes.stream(false)
                .message(new RrdMessage.SetStoreInfo(new Tuid(9, 9), StoreInfo.of(STORE)))
                .message(new RrdMessage.ArrowMsg(STORE, null, true, ByteBuffer.wrap(new byte[] {4, 5})))
                .bytes();
        byte[] third = RrdTestBytes.stream(true).bytes();  // an empty stream: just its header
        byte[] file = concat(first, second, first, third);

        for (RrdTestBytes.Outcome outcome : new RrdTestBytes.Outcome[] {RrdTestBytes.readChannel(file), RrdTestBytes.readStream(file)}) {
            assertThat(outcome.error()).isNull();
            assertThat(outcome.messages()).extracting(RrdMessage::kind)
                    .containsExactly(1L, 2L, 2L, 3L, 0L, 1L, 2L, 1L, 2L, 2L, 3L, 0L);
            assertThat(outcome.records().get(5).offset()).isEqualTo(first.length + 12);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
