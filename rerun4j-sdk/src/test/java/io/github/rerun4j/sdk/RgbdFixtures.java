package io.github.rerun4j.sdk;

import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;

/**
 * The worked 4x3 RGB-D example (colour image, millimetre depth, Pinhole fx = fy = 2, cx = 2, cy = 1.5) whose bytes,
 * points and colours the tests reproduce, and colour archetypes with every field set. In the SDK's test-jar, so the
 * store, render, CLI and example tests share it.
 */
public final class RgbdFixtures {

    private RgbdFixtures() {
    }

    /** Width and height of the worked example. */
    public static final int W = 4;
    public static final int H = 3;

    /** Millimetres, row-major. */
    public static short[] depthMillimetres() {
        return new short[] {0, 1000, 1000, 2000, 1500, 0, 0, 1500, 500, 999, 1001, 0};
    }

    /** The colour texels, R, G, B per pixel, row-major. */
    public static byte[] rgb() {
        int[] texels = {
                255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255,
                0, 0, 0, 128, 128, 128, 255, 255, 0, 0, 255, 255,
                255, 0, 255, 10, 20, 30, 200, 100, 50, 1, 2, 3};
        byte[] out = new byte[texels.length];
        for (int i = 0; i < texels.length; i++) {
            out[i] = (byte) texels[i];
        }
        return out;
    }

    /** The Pinhole of {@code /world/camera}: fx = fy = 2, principal point (2, 1.5), resolution 4x3. */
    public static Pinhole pinhole() {
        return Pinhole.fromFocalLengthAndResolution(2, 4, 3);
    }

    /** The colour image of {@code /world/camera/rgb}. */
    public static Image colour() {
        return Image.fromRgb8(rgb(), W, H);
    }

    /** The depth of {@code /world/camera/depth} as RVL with meter 1000. */
    public static EncodedDepthImage rvlDepth() {
        return EncodedDepthImage.rvl(depthMillimetres(), W, H);
    }

    /** An Image with every field set. */
    public static Image fullImage() {
        return colour().withOpacity(0.25).withDrawOrder(-3.5).withMagnificationFilter(MagnificationFilter.LINEAR);
    }

    /** A tiny but real PNG (1x1 grey), usable as an EncodedImage blob. */
    public static byte[] tinyPng() {
        return io.github.rerun4j.sdk.encoding.GreyPng.encode16(new short[] {0x1234}, 1, 1);
    }

    /** An EncodedImage with every field set. */
    public static EncodedImage fullEncodedImage() {
        return EncodedImage.png(tinyPng()).withOpacity(0.75).withDrawOrder(-9).withMagnificationFilter(
                MagnificationFilter.BICUBIC);
    }

    /** An EncodedDepthImage with every field set. */
    public static EncodedDepthImage fullEncodedDepthImage() {
        return rvlDepth().withColormap(Colormap.VIRIDIS).withDepthRange(0, 2000).withPointFillRatio(0.5)
                .withDrawOrder(-19).withMagnificationFilter(MagnificationFilter.NEAREST);
    }
}
