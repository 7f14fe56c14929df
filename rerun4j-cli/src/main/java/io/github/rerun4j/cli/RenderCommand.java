package io.github.rerun4j.cli;

import io.github.rerun4j.render.image.DepthImageRenderer2D;
import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.render.image.EncodedDepth;
import io.github.rerun4j.render.image.ImageRenderer2D;
import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.render.raster3d.Camera3D;
import io.github.rerun4j.render.scene.DepthCloud;
import io.github.rerun4j.render.scene.View3D;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.store.ArchetypeQueries;
import io.github.rerun4j.store.Latest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j render FILE --entity PATH --out OUT.png}: the depth image as Rerun's 2D view colors it, or
 * (with {@code --view 3d}) its back-projected point cloud under the pinhole, rendered headless to a PNG.
 */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Render a depth image to PNG the way Rerun's 2D view (or 3D view) shows it.")
public final class RenderCommand implements Callable<Integer> {

    enum View { TWO_D, THREE_D }

    @Spec
    private CommandSpec spec;

    @Mixin
    private SceneOptions scene;

    @Option(names = "--view", paramLabel = "2d|3d", defaultValue = "2d", converter = ViewConverter.class,
            description = "2d (default) or 3d.")
    private View view;

    @Option(names = "--size", paramLabel = "WxH", description = "Output size (2d default: the image's own size; 3d: 1024x768).")
    private String size;

    @Option(names = "--colormap", paramLabel = "NAME", description = "Override the colormap, e.g. viridis, turbo, grayscale.")
    private String colormap;

    @Option(names = "--range", paramLabel = "MIN:MAX", description = "Override the depth range (raw units), e.g. 0:10000.")
    private String range;

    @Option(names = "--filter", paramLabel = "NAME", description = "Override the magnification filter: nearest, linear, bicubic.")
    private String filter;

    @Option(names = "--eye", paramLabel = "X,Y,Z",
            description = "3d only: where the eye is, in scene units (default: Rerun's default eye for the framed scene).")
    private String eye;

    @Option(names = "--target", paramLabel = "X,Y,Z",
            description = "3d only: the point looked at (default: the centre of the framed scene).")
    private String target;

    @Mixin
    private RgbCloudOptions rgb;

    @Option(names = "--out", required = true, paramLabel = "OUT.png", description = "The PNG file to write.")
    private Path out;

    static final class ViewConverter implements picocli.CommandLine.ITypeConverter<View> {
        @Override
        public View convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "2d" -> View.TWO_D;
                case "3d" -> View.THREE_D;
                default -> throw new picocli.CommandLine.TypeConversionException("expected 2d or 3d, got '" + value + "'");
            };
        }
    }

    @Override
    public Integer call() {
        OutputFile.requireWritable(out, "depth.png");
        Scene s = Scene.load(scene);
        RenderOverrides overrides = overrides();
        int[] wh = size == null ? null : parseSize(size);
        Vec3 eyeAt = eye == null ? null : parsePoint("--eye", eye);
        Vec3 targetAt = target == null ? null : parsePoint("--target", target);
        if (view != View.THREE_D && (eyeAt != null || targetAt != null)) {
            throw CliException.usage((eyeAt != null ? "--eye" : "--target") + " only applies to --view 3d");
        }
        rgb.validate();
        if (rgb.on && view != View.THREE_D) {
            throw CliException.usage("--rgb-clouds colours the 3D cloud: use it with --view 3d");
        }
        if (view == View.THREE_D) {
            return render3d(s, overrides, wh == null ? new int[] {1024, 768} : wh);
        }
        Optional<Latest<Image>> colour = s.colourImage();
        if (colour.isPresent()) {
            return renderColour(s, colour.get().value(), wh);
        }
        DepthImage image = s.depthImage().value();
        int width = wh == null ? image.width() : wh[0];
        int height = wh == null ? image.height() : wh[1];
        // Encoded depth: magnified Nearest, minified bilinear, whatever was logged or asked (as Rerun 0.33).
        RenderOverrides used = s.isEncodedDepth() ? EncodedDepth.overrides2D(overrides, image, width) : overrides;
        int[] pixels = DepthImageRenderer2D.render(image, width, height, used);
        Png.write(out, pixels, width, height);
        spec.commandLine().getOut().println("Wrote " + out + " (" + width + "x" + height + ", 2D view of " + s.entity()
                + s.describeTime() + ")");
        return s.finish(spec.commandLine().getErr());
    }

    /** A colour image in 2D (colormap, range and filter do not apply to colour images). */
    private int renderColour(Scene s, Image image, int[] wh) {
        if (colormap != null || range != null || filter != null) {
            throw CliException.usage(s.entity() + " is a colour image: --colormap, --range and --filter apply to depth images");
        }
        int width = wh == null ? image.width() : wh[0];
        int height = wh == null ? image.height() : wh[1];
        Png.write(out, ImageRenderer2D.render(image, width, height), width, height);
        spec.commandLine().getOut().println("Wrote " + out + " (" + width + "x" + height + ", 2D view of the colour image "
                + s.entity() + s.describeTime() + ")");
        return s.finish(spec.commandLine().getErr());
    }

    private int render3d(Scene s, RenderOverrides overrides, int[] wh) {
        DepthCloud colormapped = CameraScene.cloud(s, overrides);
        DepthCloud cloud = rgb.apply(s, colormapped, spec.commandLine().getErr());
        // Scene axes as Rerun takes them: a ViewCoordinates on the root entity, else right-handed Z up.
        ViewCoordinates axes = ArchetypeQueries.viewCoordinatesAt(s.store(), "/", s.timeline(), s.time())
                .map(Latest::value).orElse(ViewCoordinates.RFU);
        int[] pixels = View3D.render(cloud, axes, wh[0], wh[1], camera(cloud, axes));
        Png.write(out, pixels, wh[0], wh[1]);
        spec.commandLine().getOut().println("Wrote " + out + " (" + wh[0] + "x" + wh[1] + ", 3D view: "
                + cloud.points().count() + " points of " + s.entity() + s.describeTime() + " under the pinhole at "
                + cloud.camera().entityPath() + ")");
        return s.finish(spec.commandLine().getErr());
    }

    /** The default eye with {@code --eye} / {@code --target} applied; a degenerate pair is a usage error. */
    private Camera3D camera(DepthCloud cloud, ViewCoordinates axes) {
        Camera3D camera = View3D.defaultCamera(cloud, axes);
        try {
            if (target != null) {
                camera = camera.withTarget(parsePoint("--target", target));
            }
            if (eye != null) {
                camera = camera.withEye(parsePoint("--eye", eye));
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--eye " + (eye == null ? "(default)" : eye) + " --target "
                    + (target == null ? "(default)" : target) + ": " + e.getMessage(), e);
        }
        return camera;
    }

    /** {@code X,Y,Z}: three finite numbers. */
    static Vec3 parsePoint(String option, String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 3) {
                Vec3 p = new Vec3(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                        Double.parseDouble(parts[2].trim()));
                if (p.isFinite()) {
                    return p;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.usage(option + " " + text + ": expected X,Y,Z with three finite numbers, e.g. 0,-5,2");
    }

    private RenderOverrides overrides() {
        RenderOverrides o = RenderOverrides.NONE;
        if (colormap != null) {
            try {
                o = o.withColormap(Colormap.fromName(colormap));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--colormap " + colormap + ": " + e.getMessage(), e);
            }
        }
        if (filter != null) {
            try {
                o = o.withFilter(MagnificationFilter.valueOf(filter.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--filter " + filter + ": expected nearest, linear or bicubic", e);
            }
        }
        if (range != null) {
            String[] parts = range.split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                o = o.withRange(new DepthRange(Float.parseFloat(parts[0]), Float.parseFloat(parts[1])));
            } catch (NumberFormatException e) {
                throw CliException.usage("--range " + range + ": expected MIN:MAX, e.g. 0:10000", e);
            }
        }
        return o;
    }

    static int[] parseSize(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].trim());
                int h = Integer.parseInt(parts[1].trim());
                if (w > 0 && h > 0 && (long) w * h <= 64L << 20) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.usage("--size " + text + ": expected WxH with positive sizes (at most 64 megapixels), e.g. 600x400");
    }
}
