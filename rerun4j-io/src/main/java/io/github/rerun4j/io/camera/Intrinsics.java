package io.github.rerun4j.io.camera;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.types.Require;
import java.util.List;

/**
 * Pinhole intrinsics as a camera file states them, with where they came from.
 *
 * @param fx       focal length along x, pixels, finite and non-zero
 * @param fy       focal length along y, pixels, finite and non-zero
 * @param cx       principal point x, pixels, finite
 * @param cy       principal point y, pixels, finite
 * @param width    image width the file states, or 0 when it states none
 * @param height   image height the file states, or 0 when it states none
 * @param source   where the numbers came from, for the user: {@code "P (projection) of camera_info.yaml"}
 * @param warnings what was in the file but not used (distortion coefficients: Rerun's Pinhole has none)
 */
public record Intrinsics(double fx, double fy, double cx, double cy, int width, int height, String source,
                         List<String> warnings) {

    /** Validates the fields. */
    public Intrinsics {
        nonZeroFinite("Intrinsics.fx", fx);
        nonZeroFinite("Intrinsics.fy", fy);
        Require.finite("Intrinsics.cx", cx);
        Require.finite("Intrinsics.cy", cy);
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new InvalidArgumentException("Intrinsics.size", width + "x" + height,
                    "both > 0, or both 0 when the file states no size");
        }
        Require.nonNull("Intrinsics.source", source);
        warnings = List.copyOf(warnings);
    }

    /** Numbers given directly (on a command line), no size. */
    public static Intrinsics of(double fx, double fy, double cx, double cy, String source) {
        return new Intrinsics(fx, fy, cx, cy, 0, 0, source, List.of());
    }

    /** True when the file states the image size. */
    public boolean hasSize() {
        return width > 0;
    }

    /** The pinhole for images of {@code imageWidth x imageHeight} (the depth image's size). */
    public Pinhole toPinhole(int imageWidth, int imageHeight) {
        return Pinhole.fromIntrinsics(fx, fy, cx, cy, imageWidth, imageHeight);
    }

    /** {@code fx=525 fy=525 cx=319.5 cy=239.5}. */
    public String describe() {
        return "fx=" + num(fx) + " fy=" + num(fy) + " cx=" + num(cx) + " cy=" + num(cy)
                + (hasSize() ? " (" + width + "x" + height + ")" : "");
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void nonZeroFinite(String field, double v) {
        if (!Double.isFinite(v) || v == 0) {
            throw new InvalidArgumentException(field, Double.toString(v), "a finite non-zero focal length (pixels)");
        }
    }
}
