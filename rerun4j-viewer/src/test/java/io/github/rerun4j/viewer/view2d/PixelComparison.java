package io.github.rerun4j.viewer.view2d;

import io.github.rerun4j.render.colormap.Argb;
import java.util.ArrayList;
import java.util.List;

/**
 * Browser pixels against the Java reference, channel by channel: how many pixels differ by more than the
 * tolerance, the largest deviation seen, and the first few offenders for the failure message.
 *
 * <pre>{@code
 * PixelComparison c = PixelComparison.of(browserArgb, referenceArgb, 300, 1);
 * assertThat(c.mismatches()).as(c.describe()).isZero();
 * }</pre>
 */
record PixelComparison(int pixels, int mismatches, int maxDeviation, int offByOne, List<String> examples) {

    static PixelComparison of(int[] got, int[] want, int width, int tolerance) {
        if (got.length != want.length) {
            throw new IllegalArgumentException("pixel counts differ: " + got.length + " vs " + want.length);
        }
        int mismatches = 0;
        int max = 0;
        int offByOne = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < got.length; i++) {
            int deviation = deviation(got[i], want[i]);
            max = Math.max(max, deviation);
            if (deviation == 1) {
                offByOne++;
            }
            if (deviation > tolerance) {
                mismatches++;
                if (examples.size() < 8) {
                    examples.add("(" + i % width + ", " + i / width + "): browser " + hex(got[i]) + " reference "
                            + hex(want[i]));
                }
            }
        }
        return new PixelComparison(got.length, mismatches, max, offByOne, examples);
    }

    static int deviation(int a, int b) {
        return Math.max(Math.max(Math.abs(Argb.red(a) - Argb.red(b)), Math.abs(Argb.green(a) - Argb.green(b))),
                Math.max(Math.abs(Argb.blue(a) - Argb.blue(b)), Math.abs(Argb.alpha(a) - Argb.alpha(b))));
    }

    static String hex(int argb) {
        return String.format("#%08X", argb);
    }

    String describe() {
        return mismatches + " of " + pixels + " pixels off by more than tolerance, max deviation " + maxDeviation
                + ", " + offByOne + " off by one; e.g. " + examples;
    }
}
