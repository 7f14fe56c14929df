package io.github.rerun4j.cli;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.examples.DepthImageSimple;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j demo --out DIR}: writes Rerun's two depth-image snippets as {@code .rrd} files and says how
 * to open and check them. Without {@code --out} the files go to {@code ./rerun4j-demo}; the built-in viewer
 * that will show them right away arrives with the viewer issue.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write the depth_image_simple and depth_image_3d demo recordings.")
public final class DemoCommand implements Callable<Integer> {

    static final String SIMPLE_FILE = "depth_image_simple.rrd";
    static final String THREE_D_FILE = "depth_image_3d.rrd";

    @Spec
    private CommandSpec spec;

    static final Path DEFAULT_OUT = Path.of("rerun4j-demo");

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory to write the recordings to (created if needed). Default: ./rerun4j-demo")
    private Path outDir = DEFAULT_OUT;

    @Override
    public Integer call() {
        createWritableDirectory(outDir);
        Path simple = outDir.resolve(SIMPLE_FILE);
        Path threeD = outDir.resolve(THREE_D_FILE);
        write(simple, DepthImageSimple::write);
        write(threeD, DepthImage3d::write);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + simple);
        out.println("Wrote " + threeD);
        out.println();
        out.println("Open them in Rerun's viewer (0.33 or later, e.g. pip install rerun-sdk):");
        out.println("  rerun " + threeD);
        out.println("  rerun " + simple);
        out.println("Check them:");
        out.println("  rerun4j verify " + threeD);
        out.println("  rerun4j print " + threeD);
        out.println("  rerun rrd verify " + threeD);
        out.println("(rerun4j's own viewer, which will open them directly, is not built yet.)");
        return ExitCode.OK;
    }

    private static void createWritableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw CliException.usage("not a directory: " + dir, e);
        } catch (IOException e) {
            throw CliException.usage("cannot create directory " + dir + ": " + reason(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw CliException.usage("cannot write to directory " + dir + ": permission denied");
        }
    }

    private static void write(Path file, Consumer<Path> writer) {
        try {
            writer.accept(file);
        } catch (UncheckedIOException e) {
            // The directory was writable a moment ago, so this is about the place (full disk, a directory in
            // the way), not about the data: a usage error like an unwritable directory.
            throw CliException.usage("cannot write " + file + ": " + reason(e.getCause()), e);
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
