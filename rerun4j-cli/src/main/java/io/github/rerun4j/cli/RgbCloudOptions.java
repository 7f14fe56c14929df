package io.github.rerun4j.cli;

import io.github.rerun4j.render.scene.DepthCloud;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --rgb-clouds} and {@code --rgb-occlusion} (points, render --view 3d): rerun4j's RGB-coloured clouds. */
final class RgbCloudOptions {

    @Option(names = "--rgb-clouds", description = "Colour the cloud from a colour image: the one under the same Pinhole, "
            + "or the one the depth entity's rerun4j.DepthCloudColor:source names (also under another Pinhole). "
            + "A rerun4j extension; off: colormap colours, as Rerun. (render: 3d only)")
    boolean on;

    @Option(names = "--rgb-occlusion", description = "With --rgb-clouds and a colour camera of its own: points hidden "
            + "from the colour camera by nearer ones keep their colormap colour.")
    boolean occlusion;

    /** Checks the combination before anything is read. */
    void validate() {
        if (occlusion && !on) {
            throw CliException.usage("--rgb-occlusion needs --rgb-clouds");
        }
    }

    /** The cloud coloured as asked, or as it is when the option is off. */
    DepthCloud apply(Scene scene, DepthCloud colormapped, PrintWriter err) {
        return on ? RgbClouds.apply(scene, colormapped, occlusion, err) : colormapped;
    }
}
