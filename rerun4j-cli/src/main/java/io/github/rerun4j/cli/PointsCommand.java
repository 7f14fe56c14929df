package io.github.rerun4j.cli;

import io.github.rerun4j.render.export.PlyWriter;
import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.render.scene.DepthCloud;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j points FILE --entity PATH --out OUT.ply}: the back-projected cloud in world coordinates with
 * colormap colors, as PLY (what Open3D, MeshLab and CloudCompare open; Rerun itself cannot export this).
 */
@Command(name = "points", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Export a depth image's back-projected point cloud (world coordinates, colormap colors) as PLY.")
public final class PointsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SceneOptions scene;

    @Option(names = "--out", required = true, paramLabel = "OUT.ply", description = "The PLY file to write.")
    private Path out;

    @Option(names = "--ascii", description = "Write ASCII PLY instead of binary little-endian.")
    private boolean ascii;

    @Mixin
    private RgbCloudOptions rgb;

    @Override
    public Integer call() {
        rgb.validate();
        OutputFile.requireWritable(out, "cloud.ply");
        Scene s = Scene.load(scene);
        DepthCloud colormapped = CameraScene.cloud(s, RenderOverrides.NONE);
        DepthCloud cloud = rgb.apply(s, colormapped, spec.commandLine().getErr());
        OutputFile.write(out, stream -> PlyWriter.write(cloud.points(), cloud.argb(), stream, ascii));
        spec.commandLine().getOut().println("Wrote " + out + ": " + cloud.points().count() + " points of " + s.entity()
                + s.describeTime() + " in world coordinates (" + (ascii ? "ascii" : "binary") + " PLY)");
        return s.finish(spec.commandLine().getErr());
    }
}
