package io.github.rerun4j.benchmarks;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.sink.FileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the file-sink benchmark's figures from JMH's JSON results: MB/s of depth payload per benchmark,
 * sdkUncompressed / plainFileChannel against the 50% target, and the LZ4 MB/s with its compression ratio
 * (measured here by logging the benchmark's frames to an LZ4 and an uncompressed file).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.rerun4j.benchmarks.ReportMain benchmarks/target/results.json
 * }</pre>
 *
 * Exit status: 0 target met, 1 target missed, 2 results missing or unreadable.
 *
 * <p>With five arguments ({@code results.json render.json numpy.json peer_inputs.json comparison.json}) it
 * prints {@link ComparisonReport}'s one table of all benchmarks instead, as {@code benchmarks/run} does.
 */
public final class ReportMain {

    /** The requirement: the SDK writes uncompressed at >= 50% of a plain FileChannel's throughput. */
    static final double TARGET = 0.50;
    static final String PLAIN = "plainFileChannel";
    static final String RAW = "sdkUncompressed";
    static final String LZ4 = "sdkLz4";
    static final int RATIO_FRAMES = 64;

    record Score(double opsPerSecond, double errorOpsPerSecond) {
        double mbPerSecond() {
            return opsPerSecond * DepthFrames.FRAME_BYTES / 1e6;
        }

        double mbError() {
            return errorOpsPerSecond * DepthFrames.FRAME_BYTES / 1e6;
        }
    }

    record Sizes(int frames, long payload, long rawFile, long lz4File) {
        double ratio() {
            return (double) payload / lz4File;
        }
    }

    private ReportMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 5) { // benchmarks/run: the one comparison table of every benchmark (issue 3)
            ComparisonReport.main(args);
            return;
        }
        Path json = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results.json");
        if (!Files.isRegularFile(json)) {
            System.err.println("no JMH results at " + json + " (run benchmarks/run first)");
            System.exit(2);
        }
        Map<String, Score> scores = parse(Files.readString(json));
        if (!scores.containsKey(PLAIN) || !scores.containsKey(RAW)) {
            System.err.println(json + " lacks " + PLAIN + " or " + RAW + " (has " + scores.keySet() + ")");
            System.exit(2);
        }
        Sizes sizes = scores.containsKey(LZ4) ? measureSizes(RATIO_FRAMES) : null;
        boolean pass = print(scores, sizes);
        System.exit(pass ? 0 : 1);
    }

    static boolean print(Map<String, Score> scores, Sizes sizes) {
        System.out.println();
        System.out.println("rerun4j file sink: 640x480 u16 depth frames, " + DepthFrames.FRAME_BYTES
                + " payload bytes each (MB = 10^6 bytes; +- is JMH's 99.9% CI)");
        System.out.printf(Locale.ROOT, "  %-18s %12s %22s%n", "benchmark", "frames/s", "MB/s of depth payload");
        Map<String, Score> ordered = new LinkedHashMap<>();
        for (String name : new String[] {PLAIN, RAW, LZ4, "fromU16Only"}) {
            if (scores.containsKey(name)) {
                ordered.put(name, scores.get(name));
            }
        }
        ordered.putAll(scores);
        for (Map.Entry<String, Score> e : ordered.entrySet()) {
            Score s = e.getValue();
            System.out.printf(Locale.ROOT, "  %-18s %12.1f %14.1f %s%n", e.getKey() + (e.getKey().equals("fromU16Only") ? "*" : ""), s.opsPerSecond(), s.mbPerSecond(),
                    Double.isNaN(s.mbError()) ? "" : String.format(Locale.ROOT, "+- %.1f", s.mbError()));
        }
        if (ordered.containsKey("fromU16Only")) {
            System.out.println("  * diagnostic: DepthImage.fromU16's short[] -> little-endian byte copy alone, no file");
        }
        double ratio = scores.get(RAW).opsPerSecond() / scores.get(PLAIN).opsPerSecond();
        boolean pass = ratio >= TARGET;
        System.out.println();
        System.out.printf(Locale.ROOT, "  uncompressed: %s / %s = %.1f%% (target >= %.0f%%)  %s%n", RAW, PLAIN,
                100 * ratio, 100 * TARGET, pass ? "PASS" : "FAIL");
        if (sizes != null) {
            System.out.printf(Locale.ROOT, "  lz4:          %.1f MB/s of depth payload, compression ratio %.2f "
                            + "(%d frames: %,d payload bytes -> %,d byte file; uncompressed .rrd %,d bytes)%n",
                    scores.get(LZ4).mbPerSecond(), sizes.ratio(), sizes.frames(), sizes.payload(), sizes.lz4File(),
                    sizes.rawFile());
        }
        return pass;
    }

    /** Logs {@code n} of the benchmark's frames (cycled) to an LZ4 and an uncompressed file; their sizes. */
    static Sizes measureSizes(int n) throws IOException {
        short[][] frames = DepthFrames.generate();
        long[] fileSizes = new long[2];
        for (int c = 0; c < 2; c++) {
            boolean lz4 = c == 1;
            Path path = FileWriteBenchmark.newFile(lz4 ? "ratio-lz4-" : "ratio-raw-");
            try {
                try (RecordingStream rec = RecordingStream.builder("rerun4j_benchmark").sink(FileSink.create(path, lz4, false))) {
                    for (int i = 0; i < n; i++) {
                        rec.setTimeSequence("frame", i);
                        rec.log("camera/depth", DepthImage.fromU16(frames[i % frames.length], DepthFrames.WIDTH, DepthFrames.HEIGHT));
                    }
                }
                fileSizes[c] = Files.size(path);
            } finally {
                Files.deleteIfExists(path);
            }
        }
        return new Sizes(n, (long) n * DepthFrames.FRAME_BYTES, fileSizes[0], fileSizes[1]);
    }

    private static final Pattern BENCHMARK = Pattern.compile("\"benchmark\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MODE = Pattern.compile("\"mode\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PRIMARY = Pattern.compile("\"primaryMetric\"\\s*:\\s*\\{");
    private static final Pattern SCORE = Pattern.compile("\"score\"\\s*:\\s*\"?([-+0-9.eE]+|NaN)\"?");
    private static final Pattern ERROR = Pattern.compile("\"scoreError\"\\s*:\\s*\"?([-+0-9.eE]+|NaN)\"?");
    private static final Pattern UNIT = Pattern.compile("\"scoreUnit\"\\s*:\\s*\"([^\"]+)\"");

    /** Short benchmark name -> throughput in frames per second, from JMH's {@code -rf json} output. */
    static Map<String, Score> parse(String json) {
        Map<String, Score> out = new LinkedHashMap<>();
        Matcher b = BENCHMARK.matcher(json);
        int start = b.find() ? b.start() : -1;
        while (start >= 0) {
            String fullName = b.group(1);
            int end = b.find() ? b.start() : json.length();
            String entry = json.substring(start, end);
            start = end < json.length() ? end : -1;

            Matcher p = PRIMARY.matcher(entry);
            if (!p.find()) {
                continue;
            }
            String primary = entry.substring(p.end());
            String mode = group(MODE, entry, "thrpt");
            double score = Double.parseDouble(group(SCORE, primary, "NaN"));
            double error = Double.parseDouble(group(ERROR, primary, "NaN"));
            String unit = group(UNIT, primary, "ops/s");
            double perSecond;
            double errorPerSecond;
            if (mode.equals("thrpt")) {
                double f = secondsPer(unit.substring(unit.indexOf('/') + 1));
                perSecond = score / f;
                errorPerSecond = error / f;
            } else if (mode.equals("avgt") || mode.equals("sample") || mode.equals("ss")) {
                double secondsPerOp = score * secondsPer(unit.substring(0, unit.indexOf('/')));
                perSecond = 1 / secondsPerOp;
                // First-order propagation of the error of the mean time to the rate.
                errorPerSecond = error * secondsPer(unit.substring(0, unit.indexOf('/'))) / (secondsPerOp * secondsPerOp);
            } else {
                throw new IllegalArgumentException("unsupported JMH mode " + mode + " for " + fullName);
            }
            out.put(fullName.substring(fullName.lastIndexOf('.') + 1), new Score(perSecond, errorPerSecond));
        }
        return out;
    }

    private static String group(Pattern pattern, String text, String otherwise) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }

    private static double secondsPer(String unit) {
        return switch (unit) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unsupported JMH time unit " + unit);
        };
    }
}
