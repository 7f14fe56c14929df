package io.github.rerun4j.examples;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.types.Colormap;
import java.nio.file.Path;

/**
 * Rerun's {@code depth_image_3d} snippet in Java: the same depth image under a pinhole camera (focal length
 * 200, 300x200), so the viewer back-projects it into a 3D point cloud, colored with Viridis.
 *
 * <pre>{@code
 * java -cp ... io.github.rerun4j.examples.DepthImage3d out/depth_image_3d.rrd
 * }</pre>
 */
public final class DepthImage3d {

    public static final String APPLICATION_ID = "rerun_example_depth_image_3d";

    private DepthImage3d() {
    }

    public static void main(String[] args) {
        write(Path.of(args.length > 0 ? args[0] : "depth_image_3d.rrd"));
    }

    public static void write(Path file) {
        try (RecordingStream rec = RecordingStream.builder(APPLICATION_ID).saveTo(file)) {
            log(rec);
        }
    }

    /** Logs the snippet's two calls into {@code rec} (a stream of {@link #APPLICATION_ID} with any sink). */
    public static void log(RecordingStream rec) {
        // If we log a pinhole camera model, the depth gets automatically back-projected to 3D.
        rec.log("world/camera", Pinhole.fromFocalLengthAndResolution(200, SnippetImage.WIDTH, SnippetImage.HEIGHT));
        rec.log("world/camera/depth", depth());
    }

    /** The snippet's depth image: millimetres (meter 10 000), Viridis. */
    public static DepthImage depth() {
        return DepthImage.fromU16(SnippetImage.pixels(), SnippetImage.WIDTH, SnippetImage.HEIGHT)
                .withMeter(10_000)
                .withColormap(Colormap.VIRIDIS);
    }
}
