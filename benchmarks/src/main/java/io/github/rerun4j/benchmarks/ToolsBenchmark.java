package io.github.rerun4j.benchmarks;

import io.github.rerun4j.cli.Main;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The recording tools ({@code stats}, {@code filter}, {@code merge}, {@code compact}, issue 15) on a generated
 * multi-hundred-MB recording, in GB/s of input, next to {@code cat FILE > /dev/null} on the same file in the same
 * run (the page cache's bound: every tool reads the whole file). The file is logged row by row
 * ({@link BatcherConfig#IMMEDIATE}), uncompressed: per frame a 640x480 u16 depth image and three small transforms,
 * so there are big chunks to copy and small ones to join. Information only: no target.
 *
 * <p>{@code java -cp benchmarks.jar io.github.rerun4j.benchmarks.ToolsBenchmark DIR [--quick]}: prints a table and
 * writes {@code DIR/tools.json}.
 */
public final class ToolsBenchmark {

    private ToolsBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.exit(() -> {
            run(args);
            return true;
        });
    }

    private static void run(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target");
        boolean quick = List.of(args).contains("--quick");
        int frames = quick ? 250 : 500;  // ~160 MB or ~310 MB
        Path data = dir.resolve("tools-bench");
        Files.createDirectories(data);
        Path in = data.resolve("in.rrd");
        Path out = data.resolve("out.rrd");
        write(in, frames);
        long size = Files.size(in);

        List<String[]> cases = List.of(
                new String[] {"cat FILE > /dev/null"},
                new String[] {"stats", in.toString()},
                new String[] {"filter", in.toString(), "--out", out.toString(), "--entity", "/world/camera",
                        "--timeline", "frame", "--from", "0", "--to", Integer.toString(frames / 2), "--compress", "none"},
                new String[] {"merge", in.toString(), in.toString(), "--out", out.toString(), "--compress", "none"},
                new String[] {"compact", in.toString(), "--out", out.toString(), "--compress", "none"},
                new String[] {"compact", in.toString(), "--out", out.toString(), "--compress", "lz4"});
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT, "{\"fileBytes\": %d, \"frames\": %d, \"rows\": [",
                size, frames));
        List<String> table = new ArrayList<>();
        for (String[] c : cases) {
            // merge reads its input twice (the second copy's chunks are all seen already, so skipped)
            long bytes = c[0].equals("merge") ? 2 * size : size;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < (quick ? 2 : 3); i++) {
                best = Math.min(best, c.length == 1 ? cat(in) : tool(c));
            }
            double gbs = bytes / best / 1e9;
            String name = c.length == 1 ? c[0] : c[0] + (c[0].equals("compact") ? " --compress " + c[c.length - 1] : "");
            table.add(String.format(Locale.ROOT, "%-28s %6.2f s  %6.2f GB/s", name, best, gbs));
            json.append(String.format(Locale.ROOT, "%s{\"case\": \"%s\", \"seconds\": %.3f, \"gbPerSecond\": %.3f}",
                    json.charAt(json.length() - 1) == '[' ? "" : ", ", name, best, gbs));
        }
        json.append("]}\n");
        Files.writeString(dir.resolve("tools.json"), json);
        System.out.println(String.format(Locale.ROOT, "rerun4j recording tools on a %.0f MB recording (%d frames of 640x480 "
                + "u16 depth + 3 transforms, one chunk per row; %d cores; best of runs):", size / 1e6, frames,
                Runtime.getRuntime().availableProcessors()));
        table.forEach(line -> System.out.println("  " + line));
        Files.deleteIfExists(out);
    }

    private static void write(Path file, int frames) {
        short[][] depth = DepthFrames.generate(DepthFrames.DISTINCT, DepthFrames.SEED);
        try (RecordingStream rec = RecordingStream.builder("tools_bench").batching(BatcherConfig.IMMEDIATE)
                .defaultTimelines(false).saveTo(file, false)) {
            for (int f = 0; f < frames; f++) {
                rec.setTimeSequence("frame", f);
                rec.log("world/camera", Transform3D.fromTranslation(f, 0, 0));
                rec.log("world/camera/depth", DepthImage.fromU16(depth[f % depth.length], DepthFrames.WIDTH, DepthFrames.HEIGHT));
                rec.log("world/robot", Transform3D.fromTranslation(0, f, 0));
                rec.log("world/robot/arm", Transform3D.fromTranslation(0, 0, f));
            }
        }
    }

    /** Seconds {@code cat FILE > /dev/null} takes: the page cache's bound on reading the whole file. */
    static double cat(Path file) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("cat", file.toString()).redirectOutput(new File("/dev/null")).start();
        if (p.waitFor() != 0) {
            throw new IOException("cat " + file + " failed");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double tool(String[] args) {
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = Main.run(args, new PrintWriter(Writer.nullWriter()), new PrintWriter(err));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("rerun4j " + String.join(" ", args) + " exited " + code + ": " + err);
        }
        return seconds;
    }
}
