package io.github.rerun4j.benchmarks;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.spark.DepthStats;
import io.github.rerun4j.spark.RrdFunctions;
import io.github.rerun4j.store.DataframeQuery;
import io.github.rerun4j.store.DataframeRow;
import io.github.rerun4j.store.Recording;
import io.github.rerun4j.store.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Scan throughput of the depth statistics over a fleet of 50 generated recordings (issue 15): format {@code rrd}
 * with {@code depth_stats} in Spark local mode with 1 and 2 cores, next to a single-threaded plain-Java loop that
 * does the same work (each file through {@link Recordings#load}, each depth row's {@link DepthStats}) in the same
 * run. GB/s of file bytes and frames/s; best of the runs; the checksum (valid pixels summed) must agree. The
 * driver's schema pass (at {@code load()}) is timed apart. Information only: no target.
 *
 * <p>{@code java --add-opens... -cp SPARK_CLASSPATH:benchmarks.jar io.github.rerun4j.benchmarks.SparkScanBenchmark
 * DIR [--quick]} (benchmarks/run builds the class path and passes Spark's flags); prints a table and writes
 * {@code DIR/spark.json}.
 */
public final class SparkScanBenchmark {

    static final int RECORDINGS = 50;

    private SparkScanBenchmark() {
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
        int frames = quick ? 6 : 12;   // 640x480 u16 frames per recording: ~185 MB or ~370 MB in all
        int runs = quick ? 2 : 3;
        Path fleet = dir.resolve("spark-fleet");
        List<Path> files = write(fleet, frames);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        long totalFrames = (long) RECORDINGS * frames;

        List<String> table = new ArrayList<>();
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"recordings\": %d, \"frames\": %d, \"fileBytes\": %d, \"rows\": [", RECORDINGS, totalFrames, bytes));

        long expected = -1;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs + 1; i++) {  // the first run warms the JIT up
            long t0 = System.nanoTime();
            long valid = plainLoop(files);
            double s = (System.nanoTime() - t0) / 1e9;
            if (i > 0) {
                best = Math.min(best, s);
            }
            expected = check(expected, valid, "plain Java loop");
        }
        add(table, json, "plain Java loop, 1 thread", best, bytes, totalFrames);

        for (int cores : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("spark-scan-bench")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            RrdFunctions.register(spark);
            double plan = Double.MAX_VALUE;
            best = Double.MAX_VALUE;
            for (int i = 0; i < runs + 1; i++) {
                long t0 = System.nanoTime();
                Dataset<Row> rows = spark.read().format("rrd").load(files.stream().map(Path::toString).toArray(String[]::new));
                double p = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                Row sum = rows.where(functions.col("`" + RrdFunctions.BUFFER + "`").isNotNull())
                        .select(RrdFunctions.stats().as("s"))
                        .agg(functions.sum("s.valid_pixels"), functions.count("s")).first();
                double s = (System.nanoTime() - t0) / 1e9;
                if (i > 0) {
                    best = Math.min(best, s);
                    plan = Math.min(plan, p);
                }
                expected = check(expected, sum.getLong(0), "Spark local[" + cores + "]");
                if (sum.getLong(1) != totalFrames) {
                    throw new IllegalStateException("Spark local[" + cores + "] saw " + sum.getLong(1) + " frames, expected "
                            + totalFrames);
                }
            }
            spark.stop();
            add(table, json, "Spark local[" + cores + "] scan", best, bytes, totalFrames);
            table.add(String.format(Locale.ROOT, "%-34s %6.2f s  (the driver's schema pass at load(), not in the scan)",
                    "  load() on local[" + cores + "]", plan));
        }
        json.append("]}\n");
        Files.writeString(dir.resolve("spark.json"), json);
        System.out.println(String.format(Locale.ROOT, "rerun4j-spark: depth_stats over %d recordings, %d frames of 640x480 "
                + "u16 (%.0f MB; %d cores on this machine; best of %d runs):", RECORDINGS, totalFrames, bytes / 1e6,
                Runtime.getRuntime().availableProcessors(), runs));
        table.forEach(line -> System.out.println("  " + line));
    }

    private static long check(long expected, long got, String who) {
        if (expected >= 0 && expected != got) {
            throw new IllegalStateException(who + " counted " + got + " valid pixels, the first run " + expected);
        }
        return got;
    }

    private static void add(List<String> table, StringBuilder json, String name, double seconds, long bytes, long frames) {
        double gbs = bytes / seconds / 1e9;
        double fps = frames / seconds;
        table.add(String.format(Locale.ROOT, "%-34s %6.2f s  %6.3f GB/s  %8.0f frames/s", name, seconds, gbs, fps));
        json.append(String.format(Locale.ROOT, "%s{\"case\": \"%s\", \"seconds\": %.3f, \"gbPerSecond\": %.4f, "
                + "\"framesPerSecond\": %.1f}", json.charAt(json.length() - 1) == '[' ? "" : ", ", name, seconds, gbs, fps));
    }

    /** The same work without Spark: every file's dataframe rows on its default timeline, each depth image's stats. */
    static long plainLoop(List<Path> files) throws Exception {
        long valid = 0;
        for (Path file : files) {
            for (Recording rec : Recordings.load(file).recordings()) {
                String timeline = rec.store().defaultTimeline().orElse(null);
                for (DataframeRow row : rec.store().dataframe(new DataframeQuery(timeline, null)).rows()) {
                    Optional<DepthImage> depth = ArchetypeCodec.readDepthImage(row.ref().chunk(), row.ref().row());
                    if (depth.isPresent()) {
                        valid += DepthStats.of(depth.get()).validPixels();
                    }
                }
            }
        }
        return valid;
    }

    /** 50 recordings of {@code frames} frames each (reused when already there), uncompressed as FileSink writes them. */
    static List<Path> write(Path fleet, int frames) throws Exception {
        Files.createDirectories(fleet);
        short[][] depth = DepthFrames.generate(DepthFrames.DISTINCT, DepthFrames.SEED);
        List<Path> files = new ArrayList<>();
        for (int r = 0; r < RECORDINGS; r++) {
            Path file = fleet.resolve(String.format("robot-%02d-%d.rrd", r, frames));
            if (!Files.exists(file)) {
                try (RecordingStream rec = RecordingStream.builder("fleet").recordingId("robot-" + r)
                        .defaultTimelines(false).saveTo(file, false)) {
                    rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(500, DepthFrames.WIDTH,
                            DepthFrames.HEIGHT));
                    for (int f = 0; f < frames; f++) {
                        rec.setTimeSequence("frame", f);
                        rec.log("world/camera/depth", DepthImage.fromU16(depth[(r + f) % depth.length],
                                DepthFrames.WIDTH, DepthFrames.HEIGHT));
                    }
                }
            }
            files.add(file);
        }
        return files;  // files of another frame count (the other mode's) stay in the folder but are not read
    }
}
