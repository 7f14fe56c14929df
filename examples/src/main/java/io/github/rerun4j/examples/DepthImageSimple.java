package io.github.rerun4j.examples;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.nio.file.Path;

/**
 * Rerun's {@code depth_image_simple} snippet in Java: a 300x200 u16 depth image in millimetre-like units
 * (10000 per metre) with a square and a bar, shown with the default Turbo colormap.
 *
 * <pre>{@code
 * java -cp ... io.github.rerun4j.examples.DepthImageSimple out/depth_image_simple.rrd
 * }</pre>
 */
public final class DepthImageSimple {

    public static final String APPLICATION_ID = "rerun_example_depth_image_simple";

    private DepthImageSimple() {
    }

    public static void main(String[] args) {
        write(Path.of(args.length > 0 ? args[0] : "depth_image_simple.rrd"));
    }

    public static void write(Path file) {
        try (RecordingStream rec = RecordingStream.builder(APPLICATION_ID).saveTo(file)) {
            rec.log("depth", DepthImage.fromU16(SnippetImage.pixels(), SnippetImage.WIDTH, SnippetImage.HEIGHT)
                    .withMeter(10_000));
        }
    }
}
