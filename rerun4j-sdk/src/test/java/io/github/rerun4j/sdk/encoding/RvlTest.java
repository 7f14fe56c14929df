package io.github.rerun4j.sdk.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RVL byte for byte against the examples of the format description (§2.3.6, §5.4), round trips, and damage. */
class RvlTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", "").replace("|", ""));
    }

    /** The worked 4x3 example's millimetres (§5.1). */
    static final short[] WORKED = {0, 1000, 1000, 2000, 1500, 0, 0, 1500, 500, 999, 1001, 0};

    @Test
    void fiveByOneMatchesRerunsUnitTestVector() {
        byte[] blob = Rvl.encode(new short[] {0, 1200, 1201, 0, 800}, 5, 1);
        assertThat(blob).containsExactly(hex("00000000 00000000 00000000 05000000 01000000 21d48c12 0010cc19"));
    }

    @Test
    void workedExampleIs36Bytes() {
        byte[] blob = Rvl.encode(WORKED, 4, 3);
        assertThat(blob).containsExactly(hex("00 00 00 00 | 00 00 00 00 | 00 00 00 00 | 04 00 00 00 | 03 00 00 00 | "
                + "08 f3 8a 14 12 cf 3f af ec f3 f9 40 00 00 41 f1"));
        RvlImage back = Rvl.decode(blob);
        assertThat(back.values()).containsExactly(WORKED);
        assertThat(back.width()).isEqualTo(4);
        assertThat(back.height()).isEqualTo(3);
        assertThat(back.isQuantised()).isFalse();
    }

    @Test
    void allZero64x48IsOneWord() {
        byte[] blob = Rvl.encode(new short[64 * 48], 64, 48);
        assertThat(blob).containsExactly(hex("00000000 00000000 00000000 40000000 30000000 00008688"));
        assertThat(Rvl.decode(blob).values()).containsOnly((short) 0).hasSize(64 * 48);
    }

    static Stream<Arguments> frames() {
        Random random = new Random(42);
        short[] noise = new short[640 * 480];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextInt(5) == 0 ? 0 : (short) (800 + random.nextInt(4000));
        }
        short[] fullRange = new short[1000];
        for (int i = 0; i < fullRange.length; i++) {
            fullRange[i] = (short) random.nextInt(65536);
        }
        short[] noZeros = new short[300];
        Arrays.fill(noZeros, (short) 1234);
        short[] alternating = new short[257];
        for (int i = 0; i < alternating.length; i++) {
            alternating[i] = (short) (i % 2 == 0 ? 0 : 65535);
        }
        short[] maxDeltas = new short[200];
        for (int i = 0; i < maxDeltas.length; i++) {
            maxDeltas[i] = (short) (i % 2 == 0 ? 1 : 65535); // +-65534 every pixel: 6-nibble codes
        }
        short[] longRuns = new short[70000]; // run lengths that need 6 nibbles
        Arrays.fill(longRuns, 30000, 70000, (short) 7);
        short[] ramp = new short[64 * 48];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) (i * 21);
        }
        return Stream.of(
                Arguments.of("random 640x480 with holes", noise, 640, 480),
                Arguments.of("random full range", fullRange, 1000, 1),
                Arguments.of("all zeros", new short[48], 8, 6),
                Arguments.of("no zeros", noZeros, 20, 15),
                Arguments.of("alternating 0 / 65535", alternating, 257, 1),
                Arguments.of("max deltas", maxDeltas, 10, 20),
                Arguments.of("long runs", longRuns, 700, 100),
                Arguments.of("1xN", ramp.clone(), 1, ramp.length),
                Arguments.of("Nx1", ramp, ramp.length, 1),
                Arguments.of("single pixel 65535", new short[] {-1}, 1, 1),
                Arguments.of("single zero", new short[] {0}, 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void roundTripsExactly(String name, short[] depth, int width, int height) {
        byte[] blob = Rvl.encode(depth, width, height);
        assertThat(blob.length % 4).as("whole words").isZero();
        RvlImage back = Rvl.decode(blob);
        assertThat(Arrays.equals(back.values(), depth)).as("same values").isTrue();
        assertThat(new int[] {back.width(), back.height()}).containsExactly(width, height);
        assertThat(blob.length).as("never more than 4 bytes a pixel").isLessThanOrEqualTo(20 + 4 * depth.length + 4);
    }

    @Test
    void decodesQuantisedRosBlobsToMetres() {
        byte[] blob = Rvl.encode(new short[] {19191, 9091, 2, 0}, 4, 1);
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).putFloat(4, 10100f).putFloat(8, -1009f);
        assertThat(Arrays.copyOfRange(blob, 4, 12)).containsExactly(hex("00d01d46 00407cc4"));
        RvlImage q = Rvl.decode(blob);
        assertThat(q.isQuantised()).isTrue();
        assertThat(q.metres(0)).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(q.metres(1)).isCloseTo(1.0f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(q.metres(2)).isCloseTo(9.990108f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(q.metres(3)).isNaN();
    }

    @Test
    void ignoresBytesAfterTheLastWord() {
        byte[] blob = Arrays.copyOf(Rvl.encode(WORKED, 4, 3), 44);
        assertThat(Rvl.decode(blob).values()).containsExactly(WORKED);
    }

    // ---- damage -------------------------------------------------------------------------------------------------

    private static void assertRejected(byte[] blob, String... fragments) {
        assertThatThrownBy(() -> Rvl.decode(blob))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).field()).isEqualTo("RVL blob"))
                .hasMessageContainingAll(fragments);
    }

    @Test
    void everyTruncationOfTheWorkedExampleIsAClearError() {
        byte[] blob = Rvl.encode(WORKED, 4, 3);
        for (int length = 0; length < blob.length; length++) {
            byte[] cut = Arrays.copyOf(blob, length);
            String expected = length <= 12 ? "missing RVL header" : length < 20 ? "missing resolution" : "unexpected end";
            assertRejected(cut, expected);
        }
    }

    @Test
    void truncatedStreamSaysHowFarItGot() {
        byte[] blob = Arrays.copyOf(Rvl.encode(WORKED, 4, 3), 28);
        assertRejected(blob, "ends at byte 28", "of 12 pixels decoded", "truncated");
    }

    @Test
    void badResolutions() {
        byte[] blob = Rvl.encode(WORKED, 4, 3);
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(12, 0);
        assertRejected(blob, "resolution 0x3", "1..65535");
        b.putInt(12, 65536);
        assertRejected(blob, "resolution 65536x3");
        b.putInt(12, 65535).putInt(16, 65535);
        assertRejected(blob, "4294836225 pixels", "2^26");
    }

    @Test
    void tooManyZerosOrNonZeros() {
        // header 1x1, then zeros = 2 (nibble 2), non-zeros 0
        byte[] zeros = hex("00000000 00000000 00000000 01000000 01000000 00000020");
        assertRejected(zeros, "a run of 2 zeros at pixel 0 of 1", "too many zeros");
        // zeros 0, non-zeros 3 > 1
        byte[] nonZeros = hex("00000000 00000000 00000000 01000000 01000000 00000003");
        assertRejected(nonZeros, "a run of 3 non-zeros", "too many non-zeros");
    }

    @Test
    void emptyRun() {
        // 2x1: zeros 0, non-zeros 0
        byte[] blob = hex("00000000 00000000 00000000 02000000 01000000 00000000");
        assertRejected(blob, "an empty run", "at pixel 0 of 2");
    }

    @Test
    void valueOutOfRange() {
        // 1x1, nibbles 0 (no zeros), 1 (one non-zero), 1 (zigzag 1 = delta -1): the value would be -1
        ByteBuffer negative = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        negative.putInt(12, 1).putInt(16, 1).putInt(20, 0x01100000);
        assertRejected(negative.array(), "value -1 at pixel 0", "value out of range");
        // 65536: zigzag 131072 = octal 400000, groups 0,0,0,0,0,4 -> nibbles 8 8 8 8 8 4
        ByteBuffer big = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        big.putInt(12, 1).putInt(16, 1).putInt(20, 0x01888884);
        assertRejected(big.array(), "value 65536 at pixel 0", "value out of range");
    }

    @Test
    void overlongNumber() {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(12, 1).putInt(16, 1).putInt(20, 0x88888888).putInt(24, 0x88888888).putInt(28, 0x88888888);
        assertRejected(b.array(), "longer than 11 nibbles", "overflow");
    }

    @Test
    void nonFiniteQuantisation() {
        byte[] blob = Rvl.encode(WORKED, 4, 3);
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).putFloat(4, Float.NaN);
        assertRejected(blob, "quantisation a=NaN");
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        Random random = new Random(7);
        short[] depth = new short[64 * 48];
        for (int i = 0; i < depth.length; i++) {
            depth[i] = random.nextInt(4) == 0 ? 0 : (short) (500 + random.nextInt(3000));
        }
        byte[] good = Rvl.encode(depth, 64, 48);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bad = good.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                bad[20 + random.nextInt(bad.length - 20)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                RvlImage decoded = Rvl.decode(bad);
                assertThat(decoded.values()).hasSize(depth.length);
            } catch (InvalidArgumentException expected) {
                assertThat(expected.field()).isEqualTo("RVL blob");
            }
        }
    }

    @Test
    void encoderRejectsBadArguments() {
        assertThatThrownBy(() -> Rvl.encode(new short[5], 2, 2)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Rvl.depth: got 5 elements, expected 4 elements (width*height for 2x2)");
        assertThatThrownBy(() -> Rvl.encode(new short[1], 0, 1)).hasMessage("Rvl.width: got 0, expected 1..65535");
        assertThatThrownBy(() -> Rvl.encode(new short[1], 1, 65536)).hasMessage("Rvl.height: got 65536, expected 1..65535");
        assertThatThrownBy(() -> Rvl.encode(new short[1], 65535, 65535)).hasMessageContaining("2^26");
    }
}
