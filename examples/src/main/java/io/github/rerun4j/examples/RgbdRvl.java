package io.github.rerun4j.examples;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import java.nio.file.Path;

/**
 * An RGB-D camera in Java: a colour image and millimetre depth under one Pinhole, the depth compressed as RVL.
 * The usual layout: Pinhole on {@code world/camera}, colour on {@code world/camera/rgb}, depth on
 * {@code world/camera/depth}, images on a timeline (static encoded images can hang in Rerun 0.33).
 *
 * <p>The content is the worked 4x3 example of the RGB-D tests with every pixel made a 16x16 block (64x48), so that
 * its twelve colours and four depths are easy to find on screen: depths 500, 999-1001, 1500, 2000 mm and holes.
 *
 * <pre>{@code
 * java -cp ... io.github.rerun4j.examples.RgbdRvl out/rgbd_rvl.rrd
 * }</pre>
 */
public final class RgbdRvl {

    public static final String APPLICATION_ID = "rerun4j_example_rgbd_rvl";
    public static final int BLOCK = 16;
    public static final int WIDTH = 4 * BLOCK;
    public static final int HEIGHT = 3 * BLOCK;

    /** The worked example's 4x3 millimetres and colours. */
    static final int[] DEPTH_4X3 = {0, 1000, 1000, 2000, 1500, 0, 0, 1500, 500, 999, 1001, 0};
    static final int[] RGB_4X3 = {
            0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF,
            0x000000, 0x808080, 0xFFFF00, 0x00FFFF,
            0xFF00FF, 0x0A141E, 0xC86432, 0x010203};

    private RgbdRvl() {
    }

    public static void main(String[] args) {
        write(Path.of(args.length > 0 ? args[0] : "rgbd_rvl.rrd"));
    }

    public static void write(Path file) {
        try (RecordingStream rec = RecordingStream.builder(APPLICATION_ID).saveTo(file)) {
            rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(2 * BLOCK, WIDTH, HEIGHT));
            rec.setTimeSequence("frame", 0);
            rec.log("world/camera/rgb", Image.fromRgb8(rgb(), WIDTH, HEIGHT));
            // The DepthImage's look (meter 1000, its automatic range [0, max]) comes along, so every Rerun
            // version colours the RVL depth as it would colour the DepthImage.
            rec.log("world/camera/depth", EncodedDepthImage.rvl(depth()));
        }
    }

    /** The depth as a u16 DepthImage in millimetres (meter 1000). */
    public static DepthImage depth() {
        short[] mm = new short[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                mm[y * WIDTH + x] = (short) DEPTH_4X3[(y / BLOCK) * 4 + x / BLOCK];
            }
        }
        return DepthImage.fromU16(mm, WIDTH, HEIGHT).withMeter(1000);
    }

    /** The colour image's RGB bytes. */
    public static byte[] rgb() {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int c = RGB_4X3[(y / BLOCK) * 4 + x / BLOCK];
                int i = 3 * (y * WIDTH + x);
                rgb[i] = (byte) (c >> 16);
                rgb[i + 1] = (byte) (c >> 8);
                rgb[i + 2] = (byte) c;
            }
        }
        return rgb;
    }

    /** The twelve colours as 0xRRGGBB. */
    public static int[] colours() {
        return RGB_4X3.clone();
    }
}
