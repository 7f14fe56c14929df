package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.chunk.Tuid;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Truncated, corrupt and unsupported inputs: complete messages first, then exactly one typed error. */
class RrdDamageTest {

    private static final List<Function<byte[], RrdTestBytes.Outcome>> READERS =
            List.of(RrdTestBytes::readChannel, RrdTestBytes::readStream);

    private static RrdFormatException formatError(RrdTestBytes.Outcome outcome) {
        assertThat(outcome.error()).isInstanceOf(RrdFormatException.class);
        return (RrdFormatException) outcome.error();
    }

    @Test
    void truncationAtEveryOffsetYieldsTheCompleteMessagesThenOneTypedError() {
        RrdTestBytes sample = RrdTestBytes.sample();
        byte[] file = sample.bytes();
        List<Long> boundaries = sample.boundaries();
        List<RrdRecord> all = RrdTestBytes.readChannel(file).records();

        for (Function<byte[], RrdTestBytes.Outcome> reader : READERS) {
            for (int cut = 0; cut <= file.length; cut++) {
                RrdTestBytes.Outcome outcome = reader.apply(Arrays.copyOf(file, cut));
                long cutAt = cut;
                List<RrdRecord> complete = all.stream().filter(r -> r.offset() + r.framedLength() <= cutAt).toList();
                assertThat(outcome.records()).as("records of a file cut at %d", cut).isEqualTo(complete);
                if (boundaries.contains(cutAt)) {
                    // A cut exactly between two messages cannot be told from a complete file.
                    assertThat(outcome.error()).as("cut at boundary %d", cut).isNull();
                } else {
                    long damagedStart = boundaries.stream().filter(b -> b < cutAt).max(Long::compare).orElse(0L);
                    RrdFormatException error = formatError(outcome);
                    assertThat(error.messageOffset()).as("cut at %d: %s", cut, error.getMessage()).isEqualTo(damagedStart);
                    assertThat(error.offset()).isBetween(damagedStart, cutAt);
                    assertThat(error.getMessage()).contains("byte " + damagedStart);
                }
            }
        }
    }

    @Test
    void randomByteFlipsOnlyEverCauseTheTypedError() {
        byte[][] originals = {RrdTestBytes.sample().bytes(), referenceFile()};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(20240611);
            int errors = 0;
            for (int round = 0; round < 400; round++) {
                byte[] original = originals[round % 2];
                byte[] damaged = original.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
                }
                for (Function<byte[], RrdTestBytes.Outcome> reader : READERS) {
                    // Anything but RrdFormatException (a RuntimeException, an OutOfMemoryError) fails the test here.
                    RrdTestBytes.Outcome outcome = reader.apply(damaged);
                    if (outcome.error() != null) {
                        RrdFormatException error = formatError(outcome);
                        assertThat(error.offset()).isBetween(0L, (long) damaged.length);
                        assertThat(error.messageOffset()).isBetween(0L, error.offset());
                        errors++;
                    }
                }
            }
            assertThat(errors).as("most flips should be detected").isGreaterThan(200);
        });
    }

    @Test
    void badStreamHeadersNameWhatWasFound() {
        assertHeaderError(new byte[0], "empty input");
        assertHeaderError("RRF2".getBytes(), "too short");
        assertHeaderError("PK\u0003\u0004 zip file".getBytes(), "expected FourCC RRF2, got");
        assertHeaderError(hex("52524631 00210000 00 02 0000"), "'RRF1'");
        assertHeaderError(hex("52524630 00210000 00 02 0000"), "old");
        assertHeaderError(hex("52524632 00160000 00 02 0000"), "0.22.0");
        assertHeaderError(hex("52524632 00210000 02 02 0000"), "compression flag 2");
        assertHeaderError(hex("52524632 00210000 00 01 0000"), "MsgPack");
        assertHeaderError(hex("52524632 00210000 00 07 0000"), "unknown serializer 7");
        assertHeaderError(hex("52524632 00210000 00 02 0001"), "reserved");
    }

    private static void assertHeaderError(byte[] file, String expected) {
        for (Function<byte[], RrdTestBytes.Outcome> reader : READERS) {
            RrdTestBytes.Outcome outcome = reader.apply(file);
            assertThat(outcome.records()).isEmpty();
            RrdFormatException error = formatError(outcome);
            assertThat(error.messageOffset()).isZero();
            assertThat(error.getMessage()).contains(expected);
        }
    }

    @Test
    void aLengthLargerThanTheInputIsAnErrorNotAnAllocation() {
        byte[] file = RrdTestBytes.stream(false).raw(messageHeader(2, 1L << 40)).raw(new byte[40]).bytes();
        RrdFormatException error = formatError(RrdTestBytes.readChannel(file));
        assertThat(error.getMessage()).isEqualTo("ArrowMsg message at byte 12 claims 1099511627776 payload bytes but only 40 remain");
        assertThat(error.offset()).isEqualTo(20);
        assertThat(error.messageOffset()).isEqualTo(12);

        byte[] small = RrdTestBytes.stream(false).raw(messageHeader(1, 99_999)).raw(new byte[40]).bytes();
        for (Function<byte[], RrdTestBytes.Outcome> reader : READERS) {
            assertThat(formatError(reader.apply(small)).getMessage())
                    .isEqualTo("SetStoreInfo message at byte 12 claims 99999 payload bytes but only 40 remain");
        }
        // A stream cannot tell its size: a huge claim is read in growing steps and fails at the real end.
        RrdTestBytes.Outcome stream = RrdTestBytes.readStream(RrdTestBytes.stream(false).raw(messageHeader(2, 2_000_000_000L)).bytes());
        assertThat(formatError(stream).getMessage()).contains("but only 0 remain");
    }

    @Test
    void lz4SizeClaimsAreCheckedBeforeAllocating() {
        byte[] tenBytes = new byte[10];
        RrdFormatException ratio = formatError(RrdTestBytes.readChannel(lz4Arrow(tenBytes, 1_000_000)));
        assertThat(ratio.getMessage()).contains("uncompressed_size 1000000").contains("at most 2550");
        assertThat(ratio.messageOffset()).isEqualTo(12);

        byte[] compressed = LZ4Factory.safeInstance().fastCompressor().compress(new byte[100]);
        assertThat(formatError(RrdTestBytes.readChannel(lz4Arrow(compressed, 200))).getMessage()).contains("LZ4");
        assertThat(formatError(RrdTestBytes.readChannel(lz4Arrow(compressed, 50))).getMessage()).contains("LZ4");
        assertThat(formatError(RrdTestBytes.readChannel(lz4Arrow(new byte[] {(byte) 0xF0, 1, 2}, 100))).getMessage()).contains("LZ4");

        RrdTestBytes.Outcome ok = RrdTestBytes.readChannel(lz4Arrow(compressed, 100));
        assertThat(ok.error()).isNull();
        assertThat(((RrdMessage.ArrowMsg) ok.messages().get(0)).ipc()).isEqualTo(ByteBuffer.allocate(100));
    }

    private static byte[] lz4Arrow(byte[] payload, long uncompressedSize) {
        byte[] proto = new ProtoWriter().bytes(1, RrdEncoder.storeId(RrdTestBytes.STORE)).varint(2, 2)
                .varint(3, uncompressedSize).varint(4, 1).bytes(5, payload).toByteArray();
        return RrdTestBytes.stream(true).framed(2, proto).bytes();
    }

    @Test
    void aTuidWithAMissingFieldIsAnError() {
        byte[] halfTuid = new ProtoWriter().fixed64(1, 42).toByteArray();
        byte[] proto = new ProtoWriter().bytes(1, halfTuid)
                .bytes(2, RrdEncoder.storeInfo(StoreInfo.of(RrdTestBytes.STORE))).toByteArray();
        RrdFormatException error = formatError(RrdTestBytes.readChannel(RrdTestBytes.stream(false).framed(1, proto).bytes()));
        assertThat(error.getMessage()).contains("SetStoreInfo.row_id.inc");
    }

    @Test
    void onlyArrowIpcEncodingIsAccepted() {
        for (int encoding : new int[] {0, 2}) {
            ProtoWriter proto = new ProtoWriter().bytes(1, RrdEncoder.storeId(RrdTestBytes.STORE)).bytes(5, new byte[3]);
            if (encoding != 0) {
                proto.varint(4, encoding);
            }
            byte[] file = RrdTestBytes.stream(false).framed(2, proto.toByteArray()).bytes();
            assertThat(formatError(RrdTestBytes.readChannel(file)).getMessage()).contains("unsupported encoding " + encoding);
        }
    }

    @Test
    void unknownFieldsAreIgnored() {
        byte[] proto = new ProtoWriter().varint(99, 7).bytes(1, RrdEncoder.storeId(RrdTestBytes.STORE))
                .bytes(50, new byte[] {1, 2, 3}).varint(4, 1).fixed64(60, -1).bytes(5, new byte[] {4, 5}).toByteArray();
        RrdTestBytes.Outcome outcome = RrdTestBytes.readChannel(RrdTestBytes.stream(false).framed(2, proto).bytes());
        assertThat(outcome.error()).isNull();
        assertThat(outcome.messages()).containsExactly(
                new RrdMessage.ArrowMsg(RrdTestBytes.STORE, null, null, ByteBuffer.wrap(new byte[] {4, 5})));
    }

    @Test
    void unknownKindThatIsNoStreamHeaderIsAnError() {
        byte[] file = RrdTestBytes.stream(false)
                .message(new RrdMessage.SetStoreInfo(new Tuid(1, 1), StoreInfo.of(RrdTestBytes.STORE)))
                .raw(messageHeader(7, 0)).bytes();
        RrdTestBytes.Outcome outcome = RrdTestBytes.readChannel(file);
        assertThat(outcome.records()).hasSize(1);
        assertThat(formatError(outcome).getMessage()).contains("unknown kind 7");
    }

    @Test
    void garbageAfterTheFooterTrailerIsAnError() {
        byte[] file = RrdTestBytes.stream(false).endWithTrailer(new byte[0]).raw("junk".getBytes()).bytes();
        RrdTestBytes.Outcome outcome = RrdTestBytes.readChannel(file);
        assertThat(outcome.messages()).containsExactly(new RrdMessage.End());
        assertThat(formatError(outcome).getMessage()).contains("expected the end of input or an RRF2 stream header");
    }

    @Test
    void afterTheErrorTheReaderReturnsNull() throws Exception {
        try (RrdReader reader = RrdReader.of(new ByteArrayInputStream("nope".getBytes()))) {
            org.junit.jupiter.api.Assertions.assertThrows(RrdFormatException.class, reader::next);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void theCommittedGarbageFileIsRejectedAtOffsetZero() throws Exception {
        Path path = Files.createTempFile("garbage", ".rrd");
        try {
            byte[] garbage = new byte[4096];
            new Random(1).nextBytes(garbage);
            Files.write(path, garbage);
            RrdFormatException error = org.junit.jupiter.api.Assertions.assertThrows(RrdFormatException.class, () -> RrdReader.readAll(path));
            assertThat(error.offset()).isZero();
        } finally {
            Files.delete(path);
        }
    }

    private static byte[] messageHeader(long kind, long length) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(kind).putLong(length).array();
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static byte[] referenceFile() {
        try {
            return Files.readAllBytes(Path.of(Objects.requireNonNull(
                    RrdDamageTest.class.getResource("/rrd/ref_points_viewer_saved.rrd")).toURI()));
        } catch (java.io.IOException | URISyntaxException e) {
            throw new AssertionError("reference file missing", e);
        }
    }
}
