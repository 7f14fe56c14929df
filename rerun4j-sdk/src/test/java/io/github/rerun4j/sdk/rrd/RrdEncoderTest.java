package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.chunk.Tuid;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RrdEncoderTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void streamHeaderIsRrf2Version0330SerializerProtobuf() {
        assertThat(RrdEncoder.streamHeader(false)).isEqualTo(hex("52524632 00210000 00 02 0000"));
        assertThat(RrdEncoder.streamHeader(true)).isEqualTo(hex("52524632 00210000 01 02 0000"));
    }

    @Test
    void version0330Is8448() {
        assertThat(RerunVersion.V0_33_0.bits()).isEqualTo(8448);
        assertThat(RerunVersion.V0_33_0.toBytes()).isEqualTo(hex("00210000"));
        assertThat(RerunVersion.fromBits(8448)).isEqualTo(RerunVersion.V0_33_0);
        assertThat(RerunVersion.V0_33_0).hasToString("0.33.0");
        assertThat(new RerunVersion(0, 34, 0, 0b1000_0010)).hasToString("0.34.0-alpha.2");
    }

    /** The annotated SetStoreInfo of rrd-format.md §2.8, byte for byte. */
    @Test
    void setStoreInfoMatchesTheAnnotatedExample() {
        String recordingId = "0123456789abcdef0123456789abcdef";
        String applicationId = "rerun_example_depth_image_3d";
        String description = "rerun4j-sdk 0.1.0";  // 17 bytes, like the example's
        Tuid rowId = new Tuid(0x0102030405060708L, 0x1112131415161718L);
        StoreInfo info = new StoreInfo(StoreId.recording(applicationId, recordingId), StoreSource.other(description), 8448);

        byte[] actual = RrdEncoder.encode(new RrdMessage.SetStoreInfo(rowId, info)).toByteArray();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(hex("0100000000000000 7a00000000000000"));
        expected.writeBytes(hex("0a12 09 0807060504030201 11 1817161514131211"));
        expected.writeBytes(hex("1264 1244 0801 1220"));
        expected.writeBytes(recordingId.getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(hex("1a1e 0a1c"));
        expected.writeBytes(applicationId.getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(hex("2a17 0806 1213 0a11"));
        expected.writeBytes(description.getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(hex("3203 088042"));
        assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(expected.toByteArray()));
    }

    @Test
    void tuidFieldsArePresentEvenWhenZero() {
        byte[] bytes = RrdEncoder.encode(new RrdMessage.SetStoreInfo(new Tuid(0, 0), StoreInfo.of(RrdTestBytes.STORE))).toByteArray();
        assertThat(Arrays.copyOfRange(bytes, 16, 36)).isEqualTo(hex("0a12 09 0000000000000000 11 0000000000000000"));
    }

    @Test
    void uncompressedArrowMsgReferencesTheCallersSegmentsWithoutCopying() throws Exception {
        ByteBuffer schema = ByteBuffer.wrap(new byte[] {9, 9, 1, 2, 3}).position(2);  // only 1 2 3 belong to the IPC
        ByteBuffer pixels = ByteBuffer.allocateDirect(1000);
        ByteBuffer end = ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0});
        ByteBuffer[] ipc = {schema, pixels, end};

        EncodedMessage message = RrdEncoder.encodeArrow(RrdTestBytes.STORE, new Tuid(5, 6), false, ipc, false);

        ByteBuffer[] segments = message.segments();
        assertThat(segments).hasSize(4);
        assertThat(segments[1]).isSameAs(schema);
        assertThat(segments[2]).isSameAs(pixels);
        assertThat(segments[3]).isSameAs(end);
        assertThat(message.length()).isEqualTo(segments[0].remaining() + 3 + 1000 + 8);
        ByteBuffer head = segments[0].duplicate().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(head.getLong(0)).isEqualTo(RrdMessage.KIND_ARROW_MSG);
        assertThat(head.getLong(8)).isEqualTo(message.length() - 16);

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        message.writeTo(Channels.newChannel(written));
        assertThat(written.toByteArray()).isEqualTo(message.toByteArray());
        assertThat(schema.position()).as("writing must not consume the caller's buffers").isEqualTo(2);
        assertThat(pixels.position()).isZero();
    }

    @Test
    void lz4CompressesTheConcatenationIntoOneBlock() {
        ByteBuffer a = ByteBuffer.wrap(new byte[4000]);
        ByteBuffer b = ByteBuffer.wrap(new byte[4000]);

        EncodedMessage message = RrdEncoder.encodeArrow(RrdTestBytes.STORE, null, true, new ByteBuffer[] {a, b}, true);

        assertThat(message.segments()).hasSize(2);
        assertThat(message.length()).isLessThan(500);
    }

    @Test
    void endMessagesAreNotWritten() {
        assertThatThrownBy(() -> RrdEncoder.encode(new RrdMessage.End()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("End");
    }

    @Test
    void writerRejectsApplicationIdsRerunWouldRewrite() {
        assertThatThrownBy(() -> StoreId.recording("my.app", "r")).hasMessageContaining("[A-Za-z0-9_-]");
        assertThatThrownBy(() -> StoreId.recording("", "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreId.recording("app", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringsAreReadable() {
        assertThat(StoreSource.RERUN4J).hasToString("StoreSource[kind=6 (OTHER), extra=\"rerun4j\"]");
        assertThat(new RrdMessage.ArrowMsg(RrdTestBytes.STORE, null, true, ByteBuffer.allocate(42)).toString())
                .contains("ipc=42 bytes");
        assertThat(StoreInfo.of(RrdTestBytes.STORE).toString()).contains("storeVersion=0.33.0");
    }
}
