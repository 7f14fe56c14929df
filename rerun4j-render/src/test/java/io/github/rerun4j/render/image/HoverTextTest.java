package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hover texts of docs/semantics.md §4.5 and §8.1, character for character. */
class HoverTextTest {

    private static final String TS = "\u2009";  // thin space
    private static final String MINUS = "\u2212";

    @Test
    void snippetRegions() {
        DepthImage img = Snippet.image();
        assertHover(HoverText.forPixel(img, 0, 0), "0, 0", "6.553 m", "65" + TS + "535");
        assertHover(HoverText.forPixel(img, 100, 100), "100, 100", "2.000 m", "20" + TS + "000");
        assertHover(HoverText.forPixel(img, 149, 149), "149, 149", "4.500 m", "45" + TS + "000");
        assertHover(HoverText.forPixel(img, 299, 199), "299, 199", "6.553 m", "65" + TS + "535");
    }

    @Test
    void linesAndToString() {
        HoverText h = HoverText.forPixel(Snippet.image(), 100, 100);
        assertThat(h.lines()).containsExactly("Position: 100, 100", "Depth: 2.000 m", "Val: 20" + TS + "000");
        assertThat(h.toString()).isEqualTo("Position: 100, 100\nDepth: 2.000 m\nVal: 20" + TS + "000");
        assertThat(h.isOutside()).isFalse();
    }

    @Test
    void outsideTheImageShowsNoValues() {
        DepthImage img = Snippet.image();
        for (int[] p : new int[][] {{300, 0}, {0, 200}, {300, 200}, {-1, 5}, {5, -1}}) {
            HoverText h = HoverText.forPixel(img, p[0], p[1]);
            assertThat(h).isEqualTo(HoverText.OUTSIDE);
            assertThat(h.isOutside()).isTrue();
            assertThat(h.position()).isNull();
            assertThat(h.depth()).isNull();
            assertThat(h.value()).isNull();
            assertThat(h.lines()).isEmpty();
            assertThat(h.toString()).isEmpty();
        }
    }

    @Test
    void millimetreBranchAndRightAlignment() {
        DepthImage img = DepthImage.fromU16(new short[] {500, 1000, 7, 0}, 4, 1); // meter defaults to 1000
        assertHover(HoverText.forPixel(img, 0, 0), "0, 0", "500.0 mm", "   500");
        assertHover(HoverText.forPixel(img, 1, 0), "1, 0", "1.000 m", " 1" + TS + "000");
        assertHover(HoverText.forPixel(img, 2, 0), "2, 0", "7.0 mm", "     7");
        assertHover(HoverText.forPixel(img, 3, 0), "3, 0", "0.0 mm", "     0");
    }

    @Test
    void negativeIntegers() {
        DepthImage i16 = DepthImage.fromI16(new short[] {-500, Short.MIN_VALUE, 32767}, 3, 1);
        assertHover(HoverText.forPixel(i16, 0, 0), "0, 0", "-500.0 mm", "   " + MINUS + "500");
        assertHover(HoverText.forPixel(i16, 1, 0), "1, 0", "-32768.0 mm", MINUS + "32" + TS + "768");
        assertHover(HoverText.forPixel(i16, 2, 0), "2, 0", "32.767 m", " 32" + TS + "767");
        DepthImage i8 = DepthImage.fromI8(new byte[] {-128}, 1, 1);
        assertThat(HoverText.forPixel(i8, 0, 0).value()).isEqualTo(MINUS + "128");
    }

    @Test
    void typeWidths() {
        assertThat(HoverText.forPixel(DepthImage.fromU8(new byte[] {7}, 1, 1), 0, 0).value()).isEqualTo("  7");
        assertThat(HoverText.forPixel(DepthImage.fromU32(new int[] {-1}, 1, 1), 0, 0).value())
                .isEqualTo("4" + TS + "294" + TS + "967" + TS + "295");
        assertThat(HoverText.forPixel(DepthImage.fromI32(new int[] {5}, 1, 1), 0, 0).value())
                .isEqualTo(" ".repeat(13) + "5");
        HoverText u64 = HoverText.forPixel(DepthImage.fromU64(new long[] {-1L}, 1, 1), 0, 0);
        assertThat(u64.value()).isEqualTo(String.join(TS, "18", "446", "744", "073", "709", "551", "615"));
        assertThat(u64.value()).hasSize(26);
        assertThat(u64.depth()).isEqualTo("18446744073709552.000 m");
        HoverText i64 = HoverText.forPixel(DepthImage.fromI64(new long[] {Long.MIN_VALUE}, 1, 1), 0, 0);
        assertThat(i64.value()).isEqualTo(MINUS + String.join(TS, "9", "223", "372", "036", "854", "775", "808"));
    }

    @Test
    void floatSpecialValues() {
        DepthImage img = DepthImage.fromF32(new float[] {Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, -0f}, 4, 1);
        assertHover(HoverText.forPixel(img, 0, 0), "0, 0", "NaN m", " ".repeat(9) + "NaN");
        assertHover(HoverText.forPixel(img, 1, 0), "1, 0", "inf m", " ".repeat(11) + "\u221E");
        assertHover(HoverText.forPixel(img, 2, 0), "2, 0", "-inf mm", " ".repeat(10) + MINUS + "\u221E");
        assertHover(HoverText.forPixel(img, 3, 0), "3, 0", "-0.0 mm", " ".repeat(11) + "0");
    }

    @Test
    void floatValues() {
        DepthImage img = DepthImage.fromF32(new float[] {2.5f, (float) -Math.PI, 11_000_000f, 123_456.78f,
                1.0625f, 78.4321f, 10_000f}, 7, 1);
        assertHover(HoverText.forPixel(img, 0, 0), "0, 0", "2.500 m", " ".repeat(9) + "2.5");
        assertHover(HoverText.forPixel(img, 1, 0), "1, 0", "-3141.6 mm", "  " + MINUS + "3.141" + TS + "593");
        assertThat(HoverText.forPixel(img, 2, 0).value()).isEqualTo("  1.100000e7");
        assertThat(HoverText.forPixel(img, 3, 0).value()).isEqualTo("   123" + TS + "456.8");
        // Exact tie 1.0625 rounds half-even to 1.062 (String.format would print 1.063).
        assertThat(HoverText.forPixel(img, 4, 0).depth()).isEqualTo("1.062 m");
        assertThat(HoverText.forPixel(img, 5, 0).value()).isEqualTo("     78.4321");
        assertThat(HoverText.forPixel(img, 6, 0).value()).isEqualTo("      10" + TS + "000");
    }

    @Test
    void doubleAndHalfValues() {
        DepthImage f64 = DepthImage.fromF64(new double[] {-Math.PI * 1e6, 0.0000123456789, 1234.56789}, 3, 1);
        assertThat(HoverText.forPixel(f64, 0, 0).value())
                .isEqualTo(" " + MINUS + "3" + TS + "141" + TS + "592.653" + TS + "589" + TS + "79");
        assertThat(HoverText.forPixel(f64, 1, 0).value())
                .isEqualTo("   0.000" + TS + "012" + TS + "345" + TS + "678" + TS + "9");
        assertThat(HoverText.forPixel(f64, 2, 0).value()).isEqualTo("           1" + TS + "234.56789");
        assertThat(HoverText.forPixel(f64, 1, 0).depth()).isEqualTo("0.0 mm");

        // f16: PI = 0x4248 (3.140625), -4.2 -> 0xC433 (-4.19921875), 12345 -> 0x7207 (12344)
        DepthImage f16 = DepthImage.fromF16(new short[] {0x4248, (short) 0xC433, 0x7207}, 3, 1);
        assertThat(HoverText.forPixel(f16, 0, 0).value()).isEqualTo("      3.1406");
        assertThat(HoverText.forPixel(f16, 1, 0).value()).isEqualTo("     " + MINUS + "4.1992");
        assertThat(HoverText.forPixel(f16, 2, 0).value()).isEqualTo("      12" + TS + "344");
        assertThat(HoverText.forPixel(f16, 0, 0).depth()).isEqualTo("3.141 m");
    }

    @Test
    void meterIsUsedAsItsF32Value() {
        // 65535 / 10000 = 6.55349999... in f64 -> "6.553 m" (half-up on the decimal string would say 6.554)
        DepthImage img = DepthImage.fromU16(new short[] {(short) 65535}, 1, 1).withMeter(10000);
        assertThat(HoverText.forPixel(img, 0, 0).depth()).isEqualTo("6.553 m");
        // meter 0.001 is 0.0010000000474974513 in f32: 1 / that = 999.99995250... m, shown rounded
        DepthImage f = DepthImage.fromF32(new float[] {1f}, 1, 1).withMeter(0.001);
        assertThat(HoverText.forPixel(f, 0, 0).depth()).isEqualTo("1000.000 m");
    }

    @Test
    void formatHelpers() {
        assertThat(ViewerNumberFormat.integer(42)).isEqualTo("42");
        assertThat(ViewerNumberFormat.integer(999)).isEqualTo("999");
        assertThat(ViewerNumberFormat.integer(1000)).isEqualTo("1" + TS + "000");
        assertThat(ViewerNumberFormat.integer(1_234_567)).isEqualTo("1" + TS + "234" + TS + "567");
        assertThat(ViewerNumberFormat.floatValue(0, 7)).isEqualTo("0");
        assertThat(ViewerNumberFormat.floatValue(-4.2, 15)).isEqualTo(MINUS + "4.2");
        assertThat(ViewerNumberFormat.floatValue(1e7, 7)).isEqualTo("10" + TS + "000" + TS + "000");
        assertThat(ViewerNumberFormat.floatValue(-Math.PI * 1e20, 15)).isEqualTo(MINUS + "3.14159265358979e20");
        assertThat(ViewerNumberFormat.fixed(-0.01, 1)).isEqualTo("-0.0");
        assertThat(ViewerNumberFormat.depth(0.5)).isEqualTo("500.0 mm");
        assertThat(ViewerNumberFormat.depth(Double.NaN)).isEqualTo("NaN m");
    }

    private static void assertHover(HoverText h, String position, String depth, String value) {
        assertThat(List.of(h.position(), h.depth(), h.value())).containsExactly(position, depth, value);
    }
}
