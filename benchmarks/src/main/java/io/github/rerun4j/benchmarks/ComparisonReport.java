package io.github.rerun4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one comparison table of {@code benchmarks/run}: colormap and back-projection (rerun4j against OpenCV,
 * numpy and the arraycopy bound, from {@link RenderBenchmark} and {@code peers/numpy_bench.py}) and the file
 * sink (issue 2, from {@link FileWriteBenchmark}), all from one run. Prints the table and writes it as JSON.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.github.rerun4j.benchmarks.ComparisonReport \
 *     results.json render.json numpy.json peer_inputs.json comparison.json
 * }</pre>
 *
 * Ratios are speed ratios (the other side's time / rerun4j's time), so > 1 means rerun4j is faster; "% of
 * copy" is the arraycopy time for the operation's input + output bytes / rerun4j's time, i.e. rerun4j's
 * bandwidth as a share of a plain copy of the same bytes. Exit status: 0 every target met, 1 some missed,
 * 2 an input missing or unreadable.
 */
public final class ComparisonReport {

    static final double COLORMAP_VS_OPENCV = 1.0;
    static final double COLORMAP_VS_NUMPY = 3.0;
    static final double PROJECTION_VS_NUMPY = 3.0;
    static final double PROJECTION_OF_COPY = 0.40;
    /** Issue 11: colouring a cloud from a registered colour image costs at most 20% on top of the cloud itself. */
    static final double RGB_CLOUD_OVERHEAD = 1.20;
    static final String[] SIZES = PeerInputs.SIZES;

    /** One line of the table; {@code pass} is null for rows without a target. */
    record Row(String group, String size, String impl, double ms, double mpixPerS, double gbPerS, String ratio,
               double ratioValue, String target, Boolean pass, String note) {
    }

    private ComparisonReport() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: ComparisonReport FILEWRITE.json RENDER.json NUMPY.json PEER_INPUTS.json OUT.json");
            System.exit(2);
        }
        int status;
        try {
            status = run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
        } catch (IOException | RuntimeException e) {
            System.err.println("comparison report failed: " + e);
            status = 2;
        }
        System.exit(status);
    }

    static int run(Path fileWrite, Path render, Path numpy, Path peerInputs, Path out) throws IOException {
        for (Path p : new Path[] {fileWrite, render, numpy, peerInputs}) {
            if (!Files.isRegularFile(p)) {
                System.err.println("missing " + p + " (run benchmarks/run)");
                return 2;
            }
        }
        Map<String, Double> us = renderMicros(Files.readString(render));
        Object np = Json.parse(Files.readString(numpy));
        Object inputs = Json.parse(Files.readString(peerInputs));
        Map<String, ReportMain.Score> fw = ReportMain.parse(Files.readString(fileWrite));

        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String size : SIZES) {
            int[] wh = RenderBenchmark.parseSize(size);
            double mpix = wh[0] * (double) wh[1] / 1e6;
            double inBytes = 2.0 * wh[0] * wh[1];
            Map<String, Object> npSize = Json.obj(Json.obj(np, "sizes"), size);

            // colormap
            double cmUs = need(us, "colormapRerun4j", size);
            double cvUs = need(us, "colormapOpenCv", size);
            double cmCopyUs = need(us, "copyColormapBytes", size);
            Map<String, Object> npCm = Json.obj(npSize, "colormap");
            double npCmMs = Json.num(npCm, "median_ms");
            double cmBytes = inBytes + 4.0 * wh[0] * wh[1];
            String g = "colormap TURBO";
            rows.add(new Row(g, size, "rerun4j ColormapLut.colorize", cmUs / 1e3, mpix / (cmUs * 1e-6),
                    cmBytes / (cmUs * 1e-6) / 1e9, "", Double.NaN, "", null, "u16 -> ARGB int (4 B/px)"));
            rows.add(ratioRow(g, size, "OpenCV convertTo+applyColorMap", cvUs / 1e3, mpix, cvUs / cmUs, "x",
                    COLORMAP_VS_OPENCV, "16U -> 8U -> BGR 8UC3 (3 B/px), input pre-loaded in Mat"));
            rows.add(ratioRow(g, size, "numpy LUT (" + npCm.get("best") + ")", npCmMs, mpix, npCmMs * 1e3 / cmUs, "x",
                    COLORMAP_VS_NUMPY, "median of " + (int) Json.num(np, "reps") + "; u32 = ARGB, rgba8 = 4 B RGBA"));
            rows.add(new Row(g, size, "copy bound (arraycopy in+out bytes)", cmCopyUs / 1e3, Double.NaN,
                    cmBytes / (cmCopyUs * 1e-6) / 1e9, String.format(Locale.ROOT, "%.0f%% of copy", 100 * cmCopyUs / cmUs),
                    cmCopyUs / cmUs, "", null, (long) cmBytes + " B; no target"));
            if (!Boolean.TRUE.equals(npCm.get("argbSum_matches_rerun4j"))) {
                problems.add("numpy colormap output differs from rerun4j's at " + size);
            }

            // back-projection
            double bpUs = need(us, "backProjection", size);
            double bpCopyUs = need(us, "copyBackProjectionBytes", size);
            Map<String, Object> npBp = Json.obj(npSize, "backprojection");
            double npBpMs = Json.num(npBp, "median_ms");
            double npSameMs = Json.num(Json.obj(Json.obj(npBp, "variants"), "same_outputs"), "median_ms");
            double points = Json.num(Json.obj(inputs, size), "points");
            double bpBytes = inBytes + RenderBenchmark.POINT_BYTES * points;
            g = "back-projection";
            rows.add(new Row(g, size, "rerun4j BackProjection.projectRdfInto (reused buffers)", bpUs / 1e3, mpix / (bpUs * 1e-6),
                    bpBytes / (bpUs * 1e-6) / 1e9, "", Double.NaN, "", null,
                    String.format(Locale.ROOT, "%.0f points x 28 B (xyz,radius,z,index,t)", points)));
            Double allocUs = us.get("backProjectionAllocating[" + size + "]");
            if (allocUs != null) {
                rows.add(new Row(g, size, "rerun4j BackProjection.project (allocates the cloud)", allocUs / 1e3,
                        mpix / (allocUs * 1e-6), bpBytes / (allocUs * 1e-6) / 1e9, "", Double.NaN, "", null,
                        "information: a new exact-size PointCloud per frame"));
            }
            rows.add(ratioRow(g, size, "numpy (" + npBp.get("best") + ")", npBpMs, mpix, npBpMs * 1e3 / bpUs, "x",
                    PROJECTION_VS_NUMPY, "xyz + radius only (16 B/point)"));
            rows.add(new Row(g, size, "numpy (same_outputs)", npSameMs, mpix / (npSameMs * 1e-3), Double.NaN,
                    String.format(Locale.ROOT, "%.2fx", npSameMs * 1e3 / bpUs), npSameMs * 1e3 / bpUs, "", null,
                    "all 5 PointCloud arrays; information"));
            double share = bpCopyUs / bpUs;
            rows.add(new Row(g, size, "copy bound (arraycopy in+out bytes)", bpCopyUs / 1e3, Double.NaN,
                    bpBytes / (bpCopyUs * 1e-6) / 1e9, String.format(Locale.ROOT, "%.0f%% of copy", 100 * share), share,
                    String.format(Locale.ROOT, ">= %.0f%%", 100 * PROJECTION_OF_COPY), share >= PROJECTION_OF_COPY,
                    (long) bpBytes + " B"));
            Double cloudUs = us.get("depthCloud[" + size + "]");
            Double rgbUs = us.get("depthCloudRgb[" + size + "]");
            if (cloudUs != null && rgbUs != null) {
                double ratio = rgbUs / cloudUs;
                rows.add(new Row(g, size, "rerun4j points: DepthCloud.of (back-projection + colormap)", cloudUs / 1e3,
                        mpix / (cloudUs * 1e-6), Double.NaN, "", Double.NaN, "", null, "the uncoloured cloud"));
                rows.add(new Row(g, size, "rerun4j points --rgb-clouds (registered RGB8, same size)", rgbUs / 1e3,
                        mpix / (rgbUs * 1e-6), Double.NaN, String.format(Locale.ROOT, "%.2fx cloud", ratio), ratio,
                        String.format(Locale.ROOT, "<= %.2fx", RGB_CLOUD_OVERHEAD), ratio <= RGB_CLOUD_OVERHEAD,
                        "issue 11: colouring on top of the cloud"));
            }
            if (!Boolean.TRUE.equals(npBp.get("points_match_rerun4j"))) {
                problems.add("numpy back-projection point count differs from rerun4j's at " + size);
            }
        }

        // file write (issue 2)
        String g = "file write";
        double frameMb = DepthFrames.FRAME_BYTES / 1e6;
        ReportMain.Score plain = fw.get(ReportMain.PLAIN);
        ReportMain.Score raw = fw.get(ReportMain.RAW);
        ReportMain.Score lz4 = fw.get(ReportMain.LZ4);
        if (plain == null || raw == null) {
            System.err.println(fileWrite + " lacks " + ReportMain.PLAIN + " or " + ReportMain.RAW);
            return 2;
        }
        double fmpix = DepthFrames.PIXELS / 1e6;
        rows.add(new Row(g, "640x480", "plain FileChannel", 1e3 / plain.opsPerSecond(), fmpix * plain.opsPerSecond(),
                plain.mbPerSecond() / 1e3, "", Double.NaN, "", null, "baseline"));
        double rawShare = raw.opsPerSecond() / plain.opsPerSecond();
        rows.add(new Row(g, "640x480", "SDK uncompressed", 1e3 / raw.opsPerSecond(), fmpix * raw.opsPerSecond(),
                raw.mbPerSecond() / 1e3, String.format(Locale.ROOT, "%.0f%% of plain", 100 * rawShare), rawShare,
                String.format(Locale.ROOT, ">= %.0f%%", 100 * ReportMain.TARGET), rawShare >= ReportMain.TARGET, ""));
        if (lz4 != null) {
            ReportMain.Sizes sizes = ReportMain.measureSizes(ReportMain.RATIO_FRAMES);
            rows.add(new Row(g, "640x480", "SDK LZ4", 1e3 / lz4.opsPerSecond(), fmpix * lz4.opsPerSecond(),
                    lz4.mbPerSecond() / 1e3, String.format(Locale.ROOT, "ratio %.2f", sizes.ratio()), sizes.ratio(), "",
                    null, String.format(Locale.ROOT, "%.0f MB/s payload; compression ratio over %d frames",
                    lz4.mbPerSecond(), sizes.frames())));
        }

        boolean allPass = rows.stream().allMatch(r -> r.pass() == null || r.pass()) && problems.isEmpty();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        meta.put("cpus", Runtime.getRuntime().availableProcessors() + " CPUs");
        meta.put("numpy", "numpy " + ((Map<?, ?>) np).get("numpy"));
        meta.put("python", "python " + ((Map<?, ?>) np).get("python"));
        meta.put("opencv", "org.openpnp:opencv 4.9.0-0, default thread count unless -Dbench.opencvThreads");
        print(rows, meta, problems, allPass);
        Files.writeString(out, toJson(rows, meta, problems, allPass));
        System.out.println("  written: " + out);
        return allPass ? 0 : 1;
    }

    private static Row ratioRow(String group, String size, String impl, double ms, double mpix, double ratio,
                                String unit, double target, String note) {
        return new Row(group, size, impl, ms, mpix / (ms * 1e-3), Double.NaN,
                String.format(Locale.ROOT, "%.2f%s", ratio, unit), ratio,
                String.format(Locale.ROOT, ">= %.1f%s", target, unit), ratio >= target, note);
    }

    private static double need(Map<String, Double> us, String bench, String size) {
        Double v = us.get(bench + "[" + size + "]");
        if (v == null) {
            throw new IllegalArgumentException("render results lack " + bench + " at " + size);
        }
        return v;
    }

    /** {@code name[size]} -> microseconds per operation, from RenderBenchmark's JMH JSON (avgt, us/op). */
    static Map<String, Double> renderMicros(String jmhJson) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Object e : (List<?>) Json.parse(jmhJson)) {
            Map<?, ?> entry = (Map<?, ?>) e;
            String name = (String) entry.get("benchmark");
            name = name.substring(name.lastIndexOf('.') + 1);
            Map<?, ?> params = (Map<?, ?>) entry.get("params");
            String size = params == null ? "" : String.valueOf(params.get("size"));
            Map<?, ?> primary = (Map<?, ?>) entry.get("primaryMetric");
            String unit = (String) primary.get("scoreUnit");
            if (!"us/op".equals(unit)) {
                throw new IllegalArgumentException(name + ": expected us/op, got " + unit);
            }
            out.put(name + "[" + size + "]", Json.num(primary, "score"));
        }
        return out;
    }

    static void print(List<Row> rows, Map<String, String> meta, List<String> problems, boolean allPass) {
        System.out.println();
        System.out.println("rerun4j comparison (one run): " + String.join(", ", meta.values()));
        System.out.println("  speed ratio = peer time / rerun4j time (> 1: rerun4j faster); % of copy = arraycopy time of "
                + "the same input+output bytes / rerun4j time");
        String fmt = "  %-18s %-9s %-40s %9s %9s %7s %-15s %-8s %-4s  %s%n";
        System.out.printf(Locale.ROOT, fmt, "case", "size", "implementation", "ms/frame", "MPix/s", "GB/s", "ratio",
                "target", "", "note");
        String last = "";
        for (Row r : rows) {
            String key = r.group() + r.size();
            if (!key.equals(last) && !last.isEmpty()) {
                System.out.println();
            }
            last = key;
            System.out.printf(Locale.ROOT, fmt, r.group(), r.size(), r.impl(), String.format(Locale.ROOT, "%.3f", r.ms()),
                    Double.isNaN(r.mpixPerS()) ? "" : String.format(Locale.ROOT, "%.0f", r.mpixPerS()),
                    Double.isNaN(r.gbPerS()) ? "" : String.format(Locale.ROOT, "%.1f", r.gbPerS()),
                    r.ratio(), r.target(), r.pass() == null ? "" : r.pass() ? "PASS" : "FAIL", r.note());
        }
        System.out.println();
        for (String p : problems) {
            System.out.println("  CHECK FAILED: " + p);
        }
        long missed = rows.stream().filter(r -> Boolean.FALSE.equals(r.pass())).count();
        long targets = rows.stream().filter(r -> r.pass() != null).count();
        System.out.printf(Locale.ROOT, "  %s: %d of %d targets met%n", allPass ? "ALL TARGETS MET" : "TARGETS MISSED",
                targets - missed, targets);
    }

    static String toJson(List<Row> rows, Map<String, String> meta, List<String> problems, boolean allPass) {
        StringBuilder b = new StringBuilder("{\n  \"meta\": {");
        int k = 0;
        for (Map.Entry<String, String> e : meta.entrySet()) {
            b.append(k++ > 0 ? ", " : "").append(Json.quote(e.getKey())).append(": ").append(Json.quote(e.getValue()));
        }
        b.append("},\n  \"allTargetsMet\": ").append(allPass).append(",\n  \"problems\": [");
        for (int i = 0; i < problems.size(); i++) {
            b.append(i > 0 ? ", " : "").append(Json.quote(problems.get(i)));
        }
        b.append("],\n  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append("    {\"case\": ").append(Json.quote(r.group()))
                    .append(", \"size\": ").append(Json.quote(r.size()))
                    .append(", \"implementation\": ").append(Json.quote(r.impl()))
                    .append(", \"msPerFrame\": ").append(Json.number(r.ms()))
                    .append(", \"mpixPerS\": ").append(Json.number(r.mpixPerS()))
                    .append(", \"gbPerS\": ").append(Json.number(r.gbPerS()))
                    .append(", \"ratio\": ").append(Json.number(r.ratioValue()))
                    .append(", \"ratioText\": ").append(Json.quote(r.ratio()))
                    .append(", \"target\": ").append(Json.quote(r.target()))
                    .append(", \"pass\": ").append(r.pass() == null ? "null" : r.pass().toString())
                    .append(", \"note\": ").append(Json.quote(r.note())).append('}')
                    .append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        return b.append("  ]\n}\n").toString();
    }
}
