package io.github.rerun4j.viewer.view2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.image.DepthImageRenderer2D;
import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.render.image.DepthValues;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every channel datatype reaches the GPU unchanged (integer textures for integers, float for F16/F32) or
 * narrowed exactly like the reference (64-bit types): browser pixels equal {@link DepthImageRenderer2D}
 * at native size (Nearest) and magnified 3x (Linear and Bicubic), ±1 per channel.
 */
class View2dDatatypesTest {

    private static final int W = 24;
    private static final int H = 18;

    @TempDir
    Path dir;

    @Test
    void everyDatatypeMatchesTheReference() throws Exception {
        double[] unit = TestImages.gradientWithEdges(W, H);
        Map<String, DepthImage> images = new LinkedHashMap<>();
        images.put("/u8/depth", DepthImage.fromU8(bytes(unit, 255, 0), W, H));
        images.put("/i8/depth", DepthImage.fromI8(bytes(unit, 200, -100), W, H));
        images.put("/u16/depth", DepthImage.fromU16(TestImages.u16(unit, 65535), W, H));
        images.put("/i16/depth", DepthImage.fromI16(shorts(unit, 60000, -30000), W, H));
        images.put("/f16/depth", DepthImage.fromF16(halves(unit), W, H));
        images.put("/u32/depth", DepthImage.fromU32(ints(unit, 4.0e9, 0), W, H));
        images.put("/i32/depth", DepthImage.fromI32(ints(unit, 4.0e9, -2.0e9), W, H));
        images.put("/f32/depth", DepthImage.fromF32(floats(unit), W, H));
        images.put("/u64/depth", DepthImage.fromU64(longs(unit, 0x1.ffp63, 0), W, H));
        images.put("/i64/depth", DepthImage.fromI64(longs(unit, 0x1p63, -0x1p62), W, H));
        images.put("/f64/depth", DepthImage.fromF64(doubles(unit), W, H));
        Path file = dir.resolve("datatypes.rrd");
        try (RecordingStream rec = RecordingStream.builder("view2d_datatypes").saveTo(file)) {
            images.forEach(rec::log);
        }

        List<String> failures = new ArrayList<>();
        try (View2dPage page = View2dPage.open(file)) {
            for (var entry : images.entrySet()) {
                String entity = entry.getKey();
                for (MagnificationFilter filter : MagnificationFilter.values()) {
                    for (int factor : new int[] {1, 3}) {
                        page.setOverride(entity, Map.of("filter", filter.displayName()));
                        int[] browser = page.readPixels(entity, W * factor, H * factor);
                        int[] reference = DepthImageRenderer2D.render(entry.getValue(), W * factor, H * factor,
                                RenderOverrides.NONE.withFilter(filter));
                        PixelComparison c = PixelComparison.of(browser, reference, W * factor, 1);
                        System.out.println(entity + " " + filter + " x" + factor + ": max deviation "
                                + c.maxDeviation());
                        if (c.mismatches() > 0) {
                            failures.add(entity + " " + filter + " x" + factor + ": " + c.describe());
                        }
                    }
                }
            }
            assertThat(failures).isEmpty();
            assertThat(page.browser.consoleErrors()).isEmpty();
        }
    }

    /**
     * 2^60 + 2^36 + 1 lies just above the midpoint between two f32 values; via f64 the +1 is lost and the
     * tie then rounds down. The page must round once, as {@link DepthValues#toGpuValues} does.
     */
    @Test
    void sixtyFourBitValuesAreNarrowedWithOneRoundingLikeTheReference() throws Exception {
        long[] tricky = {(1L << 60) + (1L << 36) + 1, (1L << 60) + (1L << 36), -((1L << 60) + (1L << 36) + 1),
                Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L, 1L, (1L << 53) + 1, 0x8000_0100_0000_0001L};
        Path file = dir.resolve("tricky.rrd");
        try (RecordingStream rec = RecordingStream.builder("view2d_tricky").saveTo(file)) {
            rec.log("/u64/depth", DepthImage.fromU64(tricky, tricky.length, 1));
        }
        try (View2dPage page = View2dPage.open(file)) {
            ByteBuffer bytes = ByteBuffer.allocate(8 * tricky.length).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : tricky) {
                bytes.putLong(v);
            }
            String base64 = Base64.getEncoder().encodeToString(bytes.array());
            for (String datatype : new String[] {"U64", "I64"}) {
                Object gpu = page.browser.jsAsync("""
                        const [datatype, base64, n, done] = arguments;
                        import('/depth-texture.js').then((m) => {
                          const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
                          done(Array.from(m.textureData(datatype, n, 1, raw.buffer)));
                        }).catch((e) => done(String(e)));
                        """, datatype, base64, tricky.length);
                assertThat(gpu).isInstanceOf(List.class);
                DepthImage image = datatype.equals("U64") ? DepthImage.fromU64(tricky, tricky.length, 1)
                        : DepthImage.fromI64(tricky, tricky.length, 1);
                float[] reference = DepthValues.toGpuValues(image);
                for (int i = 0; i < tricky.length; i++) {
                    assertThat(((Number) ((List<?>) gpu).get(i)).floatValue())
                            .as("%s %s", datatype, Long.toUnsignedString(tricky[i])).isEqualTo(reference[i]);
                }
            }
            assertThat(page.browser.consoleErrors()).isEmpty();
        }
    }

    private static byte[] bytes(double[] unit, double scale, double offset) {
        byte[] out = new byte[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = (byte) Math.round(unit[i] * scale + offset);
        }
        return out;
    }

    private static short[] shorts(double[] unit, double scale, double offset) {
        short[] out = new short[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = (short) Math.round(unit[i] * scale + offset);
        }
        return out;
    }

    /** Unsigned values above 2^31 keep their bit pattern in Java's int. */
    private static int[] ints(double[] unit, double scale, double offset) {
        int[] out = new int[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = (int) (long) Math.floor(unit[i] * scale + offset) | (i & 1); // odd values: not exact in f32
        }
        return out;
    }

    /** Large values with low bits set, so narrowing to f32 rounds (and must round once, like the reference). */
    private static long[] longs(double[] unit, double scale, double offset) {
        long[] out = new long[unit.length];
        for (int i = 0; i < unit.length; i++) {
            double v = unit[i] * scale + offset;
            long bits = v >= 0x1p63 ? (long) (v / 2) << 1 : (long) v; // above Long.MAX_VALUE: unsigned pattern
            out[i] = bits ^ (0x9E3779B97F4A7C15L * i >>> 24);
        }
        return out;
    }

    /** Binary16 patterns from 0.125 up to about 2, plus a zero, a NaN and +inf. */
    private static short[] halves(double[] unit) {
        short[] out = new short[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = (short) (0x3000 + (int) (unit[i] * 0x1000));
        }
        out[3] = 0;
        out[W + 5] = 0x7E00;
        out[2 * W + 9] = 0x7C00;
        return out;
    }

    private static float[] floats(double[] unit) {
        float[] out = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = (float) (unit[i] * 7.5);
        }
        out[W + 5] = Float.NaN;
        return out;
    }

    private static double[] doubles(double[] unit) {
        double[] out = new double[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = unit[i] * 3.0e10 + 1e-9;
        }
        out[W + 5] = Double.NaN;
        return out;
    }
}
