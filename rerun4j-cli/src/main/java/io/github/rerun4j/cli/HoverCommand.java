package io.github.rerun4j.cli;

import io.github.rerun4j.render.image.HoverText;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rerun4j hover FILE --entity PATH --pixel X,Y}: the text Rerun's viewer shows when hovering that pixel. */
@Command(name = "hover", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the hover text the Rerun viewer shows for pixels of a depth image.")
public final class HoverCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SceneOptions scene;

    @Option(names = "--pixel", required = true, paramLabel = "X,Y", split = ";",
            description = "Pixel column and row, e.g. 200,150 (repeat the option for more pixels).")
    private List<String> pixels;

    @Override
    public Integer call() {
        Scene s = Scene.load(scene);
        DepthImage image = s.depthImage().value();
        PrintWriter out = spec.commandLine().getOut();
        boolean first = true;
        for (String pixel : pixels) {
            int[] xy = parsePixel(pixel);
            if (!first) {
                out.println();
            }
            first = false;
            HoverText text = HoverText.forPixel(image, xy[0], xy[1]);
            out.println(s.entity());
            if (text.isOutside()) {
                out.println("(" + xy[0] + ", " + xy[1] + " is outside the " + image.width() + "x" + image.height() + " image)");
            } else {
                text.lines().forEach(out::println);
            }
        }
        out.flush();
        return s.finish(spec.commandLine().getErr());
    }

    private static int[] parsePixel(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.usage("--pixel " + text + ": expected X,Y as two integers, e.g. 200,150");
    }
}
