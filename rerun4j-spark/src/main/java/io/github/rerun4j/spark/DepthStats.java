package io.github.rerun4j.spark;

import io.github.rerun4j.render.image.DepthValues;
import io.github.rerun4j.render.image.Meter;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Statistics of one depth frame in metres, with the viewer's semantics (docs/semantics.md): a pixel's depth is
 * its f32 texel times f32(1 / meter) ({@link DepthValues#gpuValue}, {@link Meter#effective}: the logged meter,
 * else 1000 for integer and 1 for float images), and it is valid when {@link BackProjection#isValidDepth} says so
 * ({@code 0 < z < Float.MAX_VALUE}: zero, negative, NaN and infinite depths are invalid), exactly the pixels the
 * 3D view turns into points.
 *
 * <pre>{@code
 * DepthStats s = DepthStats.of(DepthImage.fromU16(new short[] {0, 1000, 3000, 2000}, 2, 2));
 * s.validFraction();   // 0.75
 * s.minM();            // 1.0 (1000 x f32(1 / 1000))
 * s.maxM();            // 3.000000238418579 (f32 metres, as the viewer computes them)
 * }</pre>
 *
 * @param pixels        pixels of the frame
 * @param validPixels   pixels with a valid depth
 * @param validFraction {@code validPixels / pixels} (0 for an empty frame)
 * @param minM          smallest valid depth in metres, or NaN when none is valid
 * @param maxM          largest valid depth in metres, or NaN when none is valid
 * @param meanM         mean of the valid depths (summed in f64), or NaN when none is valid
 * @param medianM       median of the valid depths (the mean of the two middle ones for an even count), or NaN
 */
public record DepthStats(long pixels, long validPixels, double validFraction, double minM, double maxM, double meanM,
                         double medianM) {

    public DepthStats {
        if (pixels < 0 || validPixels < 0 || validPixels > pixels) {
            throw new IllegalArgumentException("DepthStats: validPixels " + validPixels + " of pixels " + pixels
                    + ", expected 0 <= validPixels <= pixels");
        }
    }

    /** The statistics of {@code image}. */
    public static DepthStats of(DepthImage image) {
        Objects.requireNonNull(image, "image");
        ChannelDatatype datatype = image.datatype();
        ByteBuffer bytes = image.buffer().asByteBuffer();
        int n = DepthValues.count(image);
        float invMeter = 1f / Meter.effective(image);
        float[] valid = new float[n];
        int k = 0;
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float z = DepthValues.gpuValue(bytes, datatype, i) * invMeter;
            if (BackProjection.isValidDepth(z)) {
                valid[k++] = z;
                sum += z;
                min = Math.min(min, z);
                max = Math.max(max, z);
            }
        }
        if (k == 0) {
            return new DepthStats(n, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new DepthStats(n, k, (double) k / n, min, max, sum / k, median(valid, k));
    }

    /**
     * The median of {@code values[0, n)} (reordered), {@code n > 0}: the middle value, or the mean of the two middle
     * ones. Selection in linear expected time (three-way partitions, so runs of equal depths, common in integer
     * images, settle at once), falling back to a sort if the pivots keep going badly.
     */
    static double median(float[] values, int n) {
        int upper = n / 2;
        float high = select(values, n, upper);
        if (n % 2 == 1) {
            return high;
        }
        float low = values[0];   // after select, [0, upper) holds the values <= high: the lower middle is their max
        for (int i = 1; i < upper; i++) {
            low = Math.max(low, values[i]);
        }
        return (low + (double) high) / 2;
    }

    /** The {@code k}-th smallest of {@code a[0, n)}; afterwards {@code a[0, k)} <= it <= {@code a(k, n)}. */
    private static float select(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8;
        while (lo < hi) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            float pivot = medianOf3(a[lo], a[mid], a[hi]);
            // three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                float v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[k];
    }

    private static float medianOf3(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** True when at least one pixel is valid (the min/max/mean/median are numbers). */
    public boolean anyValid() {
        return validPixels > 0;
    }
}
