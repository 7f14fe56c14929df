package io.github.rerun4j.viewer.colour;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.encoding.Rvl;
import io.github.rerun4j.sdk.types.ImageBuffer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * One recording with every image kind the viewer draws, each in its own 2D space (so each 2D view shows one image)
 * except {@code /rgbd}, where colour lies over depth as in an RGB-D camera; all at {@code frame = 0}:
 *
 * <ul>
 *   <li>{@code /plain/depth}: the U16 depth image {@link #DEPTH}, meter 1000, range [0, 65535] (the encoded
 *       fallbacks, so it looks exactly like the encoded ones);</li>
 *   <li>{@code /rvl/depth}, {@code /png/depth}: the same pixels as RVL and 16-bit PNG;</li>
 *   <li>{@code /broken/depth}: RVL cut in half; {@code /mislabelled/depth}: RVL bytes labelled image/png;</li>
 *   <li>{@code /rgb/image}: the {@link #RGB} colour image; {@code /pngfile/image}: {@link #ARGB} as a PNG file;
 *       {@code /badpng/image}: a PNG cut after its header;</li>
 *   <li>{@code /rgbd/depth} and {@code /rgbd/rgb}: {@link #DEPTH} under a W x H colour image all
 *       {@link #RGBD_RGB}, no opacity logged (so 0.5 over the depth image).</li>
 * </ul>
 */
public final class ColourRecording {

    public static final int W = 16;
    public static final int H = 12;
    /** Pseudo-random U16 values (the SDK test-jar's TestImages), W x H. */
    public static final short[] DEPTH = TestImages.pixels(1234, 4321, W * H);
    /** 4 x 3 RGB8: red, green, blue, white / black, grey 128, yellow, cyan / magenta, (10, 20, 30), orange, navy. */
    public static final byte[] RGB = bytes(
            255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255,
            0, 0, 0, 128, 128, 128, 255, 255, 0, 0, 255, 255,
            255, 0, 255, 10, 20, 30, 255, 165, 0, 0, 0, 128);
    /** The one colour of {@code /rgbd/rgb}. */
    public static final int[] RGBD_RGB = {200, 100, 50};
    /** 2 x 2 opaque ARGB for the PNG file. */
    public static final int[] ARGB = {0xFF102030, 0xFFF0E0D0, 0xFF00FF80, 0xFF804000};

    private ColourRecording() {
    }

    /** Writes the recording to {@code dir/colour.rrd} and returns its path. */
    public static Path write(Path dir) {
        Path file = dir.resolve("colour.rrd");
        try (RecordingStream rec = RecordingStream.builder("colour_images").batching(BatcherConfig.IMMEDIATE)
                .defaultTimelines(false).saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            byte[] rvl = Rvl.encode(DEPTH, W, H);
            rec.log("/plain/depth", DepthImage.fromU16(DEPTH, W, H).withMeter(1000).withDepthRange(0, 65535));
            rec.log("/rvl/depth", EncodedDepthImage.rvl(DEPTH, W, H));
            rec.log("/png/depth", EncodedDepthImage.png(DEPTH, W, H));
            rec.log("/broken/depth", new EncodedDepthImage(ImageBuffer.of(Arrays.copyOf(rvl, rvl.length / 2)), "application/rvl"));
            rec.log("/mislabelled/depth", new EncodedDepthImage(ImageBuffer.of(rvl), "image/png"));
            rec.log("/rgb/image", Image.fromRgb8(RGB, 4, 3));
            byte[] png = png(ARGB, 2, 2);
            rec.log("/pngfile/image", EncodedImage.png(png));
            rec.log("/badpng/image", new EncodedImage(ImageBuffer.of(Arrays.copyOf(png, 40)), "image/png", null, null, null));
            rec.log("/rgbd/depth", DepthImage.fromU16(DEPTH, W, H).withMeter(1000));
            byte[] flat = new byte[W * H * 3];
            for (int i = 0; i < flat.length; i++) {
                flat[i] = (byte) RGBD_RGB[i % 3];
            }
            rec.log("/rgbd/rgb", Image.fromRgb8(flat, W, H));
        }
        return file;
    }

    static byte[] png(int[] argb, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
