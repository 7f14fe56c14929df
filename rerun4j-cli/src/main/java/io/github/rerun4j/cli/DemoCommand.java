package io.github.rerun4j.cli;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.examples.DepthImageSimple;
import io.github.rerun4j.examples.RgbdRvl;
import io.github.rerun4j.sdk.sink.TeeSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j demo}: writes Rerun's two depth-image snippets as {@code .rrd} files and opens them in the
 * viewer (until Ctrl-C). {@code --no-serve} only writes them (to {@code ./rerun4j-demo} unless {@code --out})
 * and says how to open and check them; {@code --live} also streams a moving synthetic scene into the viewer and
 * offers it to Rerun's own viewers on the session's gRPC proxy ({@code --port}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the depth_image_simple and depth_image_3d demo recordings and open them in the viewer.",
                "Serves until Ctrl-C; --no-serve only writes the files."})
public final class DemoCommand implements Callable<Integer> {

    static final String SIMPLE_FILE = "depth_image_simple.rrd";
    static final String THREE_D_FILE = "depth_image_3d.rrd";
    /** rerun4j's RGB-D example: a colour image and RVL-compressed depth under one Pinhole. */
    static final String RGBD_FILE = "rgbd_rvl.rrd";

    @Spec
    private CommandSpec spec;

    static final Path DEFAULT_OUT = Path.of("rerun4j-demo");

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory to write the recordings to (created if needed). Default: a temporary directory "
                    + "removed when the viewer stops; with --no-serve, ./rerun4j-demo")
    private Path outDir;

    @Option(names = "--no-serve", description = "Only write the files and say how to open them; do not start the viewer.")
    private boolean noServe;

    @Option(names = "--live", description = "Also stream a moving synthetic depth scene into the viewer, as a logging program would.")
    private boolean live;

    @Mixin
    private ServeOptions serve;

    @Override
    public Integer call() {
        if (noServe && live) {
            throw CliException.usage("--live needs the viewer: leave out --no-serve");
        }
        return noServe ? writeOnly() : writeAndServe();
    }

    private int writeOnly() {
        Path dir = outDir != null ? outDir : DEFAULT_OUT;
        Path[] files = writeSnippets(dir);
        String simple = Launcher.quote(files[0].toString());
        String threeD = Launcher.quote(files[1].toString());
        String self = Launcher.command();
        PrintWriter out = spec.commandLine().getOut();
        String rgbd = Launcher.quote(files[2].toString());
        for (Path file : files) {
            out.println("Wrote " + file);
        }
        out.println();
        out.println("Open them in rerun4j's viewer:");
        out.println("  " + self + " view " + threeD + " " + simple + " " + rgbd);
        out.println("or in Rerun's viewer (" + RerunFormat.VIEWER_VERSION + " or later, e.g. pip install rerun-sdk):");
        out.println("  rerun " + threeD);
        out.println("  rerun " + simple);
        out.println("  rerun " + rgbd);
        out.println("Colour the RGB-D cloud from its colour image (a rerun4j extension):");
        out.println("  " + self + " points " + rgbd + " --rgb-clouds --out rgbd.ply");
        out.println("Check them:");
        out.println("  " + self + " verify " + threeD);
        out.println("  " + self + " print " + threeD);
        out.println("  rerun rrd verify " + threeD);
        return ExitCode.OK;
    }

    private int writeAndServe() {
        // The viewer first: a taken port or a bad --bind must fail before anything is written.
        ViewerSession session = ViewerSession.start(serve, spec.commandLine().getOut(), spec.commandLine().getErr());
        try {
            Path dir = outDir;
            boolean temporary = dir == null;
            if (temporary) {
                dir = createTemporaryDirectory();
                Path tempDir = dir;
                session.onStop(() -> deleteQuietly(tempDir));
            }
            Path[] files = writeSnippets(dir);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote " + files[0] + ", " + files[1] + " and " + files[2]
                    + (temporary ? " (removed when the viewer stops; keep them with --out DIR)" : ""));
            for (Path file : files) {
                session.follow(file);
            }
            if (live) {
                LiveDemo demo = LiveDemo.start(TeeSink.of(session.viewer().sink(), session.proxy().publisher(false)));
                session.onStop(demo::stop);
                out.println("Streaming a live scene (application " + LiveDemo.APPLICATION_ID + ") into the viewer.");
                out.println("The same stream for Rerun's viewer: rerun --connect " + session.proxy().url());
            }
        } catch (RuntimeException | Error e) {
            session.stop(); // closes the server and removes the temporary directory
            throw e;
        }
        session.serveUntilStopped(!serve.noBrowser);
        return ExitCode.OK;
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("rerun4j-demo-");
        } catch (IOException e) {
            throw CliException.usage("cannot create a temporary directory: " + reason(e), e);
        }
    }

    static Path[] writeSnippets(Path dir) {
        createWritableDirectory(dir);
        Path simple = dir.resolve(SIMPLE_FILE);
        Path threeD = dir.resolve(THREE_D_FILE);
        Path rgbd = dir.resolve(RGBD_FILE);
        write(simple, DepthImageSimple::write);
        write(threeD, DepthImage3d::write);
        write(rgbd, RgbdRvl::write);
        return new Path[] {simple, threeD, rgbd};
    }

    /** Removes the demo's own temporary directory and whatever was written into it. */
    static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless; the OS cleans it up
        }
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
