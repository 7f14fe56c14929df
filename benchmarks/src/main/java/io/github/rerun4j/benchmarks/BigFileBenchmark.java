package io.github.rerun4j.benchmarks;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Recordings bigger than memory (issue 14): a generated recording of many GB (640x480 u16 depth frames under a
 * pinhole, as a depth camera writes them; Rerun's footer at the end) read by the CLI under {@code -Xmx256m} and
 * viewed under {@code -Xmx512m}, each in its own JVM, next to {@code cat FILE > /dev/null} in the same run.
 *
 * <ul>
 *   <li>every command: seconds, GB/s of the file and peak RSS (GNU time), exit status;</li>
 *   <li>{@code view}: seconds from start to the last frame's scene and pixels answered by the API (the first frame on
 *   screen of a page opened on the latest time), then stepping frame to frame through the API (scene + pixels per
 *   step): median and p95 over 200 steps; peak RSS of the viewer. Twice: started as {@code java -cp} (every class
 *   loaded one by one), and as users start it, through the {@code ./rerun4j} launcher of the working directory with
 *   the class-data archive it keeps per build (trained before the timing).</li>
 * </ul>
 *
 * <p>{@code java -cp benchmarks.jar io.github.rerun4j.benchmarks.BigFileBenchmark DIR [GB] [--keep]} (default 20 GB;
 * the file is deleted afterwards unless {@code --keep}). Not in {@code benchmarks/run}'s default set: it needs the disk
 * and minutes ({@code benchmarks/run --big}).
 */
public final class BigFileBenchmark {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final String ENTITY = "world/camera/depth";
    private static final int STEPS = 200;

    private BigFileBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.exit(() -> {
            run(args);
            return true;
        });
    }

    private static void run(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target");
        double gigabytes = args.length > 1 && !args[1].startsWith("--") ? Double.parseDouble(args[1]) : 20;
        boolean keep = Arrays.asList(args).contains("--keep");
        Path data = Files.createDirectories(dir.resolve("big-file"));
        Path file = data.resolve("big.rrd");
        int frames = (int) Math.ceil(gigabytes * 1e9 / (WIDTH * HEIGHT * 2.0));
        List<String> table = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"rows\": [");
        try {
            double writeSeconds = write(file, frames);
            long size = Files.size(file);
            row(table, json, "write (SDK file sink, footer)", writeSeconds, size, 0, 0);
            row(table, json, "cat FILE > /dev/null", ToolsBenchmark.cat(file), size, 0, 0);
            Path out = data.resolve("out");
            Files.createDirectories(out);
            String f = file.toString();
            List<String[]> commands = List.of(
                    new String[] {"verify", f},
                    new String[] {"print", f},
                    new String[] {"stats", f},
                    new String[] {"dataframe", f, "--format", "csv"},
                    new String[] {"render", f, "--entity", ENTITY, "--out", out.resolve("last.png").toString()},
                    new String[] {"points", f, "--entity", ENTITY, "--out", out.resolve("last.ply").toString()},
                    new String[] {"filter", f, "--timeline", "frame", "--from", "0", "--to", Integer.toString(frames / 10),
                            "--out", out.resolve("filtered.rrd").toString(), "--compress", "none"},
                    new String[] {"compact", f, "--out", out.resolve("compacted.rrd").toString(), "--compress", "none"});
            for (String[] command : commands) {
                Measured m = cli("-Xmx256m", command);
                row(table, json, String.join(" ", command[0], "-Xmx256m") + (m.exit == 0 ? "" : " (exit " + m.exit + ")"),
                        m.seconds, size, m.peakRssKb, m.exit);
                Files.list(out).forEach(p -> p.toFile().delete());
            }
            String[] viewArgs = {"view", f, "--port", "0", "--web-viewer-port", "0", "--no-browser"};
            List<String> plain = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", classpath(), "io.github.rerun4j.cli.Main"));
            plain.addAll(List.of(viewArgs));
            view(file, frames, size, "view -Xmx512m (java -cp, no class-data archive)", plain, Map.of(), table, json);
            // As users start it: the launcher, with the class-data archive it keeps per build (trained on first use).
            Path launcher = Path.of("rerun4j").toAbsolutePath();
            if (Files.isExecutable(launcher)) {
                List<String> viaLauncher = new ArrayList<>(List.of(launcher.toString()));
                viaLauncher.addAll(List.of(viewArgs));
                new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true)
                        .redirectOutput(new File("/dev/null")).start().waitFor();  // builds and trains once, not timed
                view(file, frames, size, "view -Xmx512m (./rerun4j launcher, class-data archive)", viaLauncher,
                        Map.of("JAVA_OPTS", "-Xmx512m"), table, json);
                // The same file cut before its End message and footer (a writer that crashed): read message by message.
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                        java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
                    java.nio.ByteBuffer trailer = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    channel.read(trailer, channel.size() - io.github.rerun4j.sdk.rrd.RrdFooter.TRAILER_BYTES);
                    channel.truncate(trailer.getLong(0) - 16);
                }
                view(file, frames, Files.size(file), "view -Xmx512m (./rerun4j launcher, no footer: read message by message)",
                        viaLauncher, Map.of("JAVA_OPTS", "-Xmx512m"), table, json);
            } else {
                table.add("view through ./rerun4j: not measured (run from the repository root)");
            }
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
        json.append("]}\n");
        Files.writeString(dir.resolve("big-file.json"), json);
        System.out.printf(Locale.ROOT, "recording bigger than memory: %d frames of %dx%d u16 (%.1f GB), %d cores, %d MB RAM%n",
                frames, WIDTH, HEIGHT, frames * (double) WIDTH * HEIGHT * 2 / 1e9, Runtime.getRuntime().availableProcessors(),
                totalMemoryMb());
        table.forEach(line -> System.out.println("  " + line));
    }

    private static double write(Path file, int frames) {
        short[][] depth = DepthFrames.generate(DepthFrames.DISTINCT, DepthFrames.SEED);
        long t0 = System.nanoTime();
        try (RecordingStream rec = RecordingStream.builder("big_file_bench").saveTo(file, false)) {
            rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(500, WIDTH, HEIGHT));
            for (int f = 0; f < frames; f++) {
                rec.setTimeSequence("frame", f);
                rec.log(ENTITY, DepthImage.fromU16(depth[f % depth.length], WIDTH, HEIGHT).withMeter(1000));
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private record Measured(double seconds, long peakRssKb, int exit) {
    }

    /** One CLI command in its own JVM under GNU time: wall seconds and peak RSS. */
    private static Measured cli(String heap, String... args) throws IOException, InterruptedException {
        Path times = Files.createTempFile("rerun4j-big", ".time");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", times.toString(), java(), heap,
                "-cp", classpath(), "io.github.rerun4j.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = p.waitFor();
        String[] measured = Files.readAllLines(times).get(Files.readAllLines(times).size() - 1).trim().split(" ");
        Files.delete(times);
        return new Measured(Double.parseDouble(measured[0]), Long.parseLong(measured[1]), exit);
    }

    /** {@code view} under -Xmx512m: time to the last frame on screen, then stepping latencies. */
    private static void view(Path file, int frames, long size, String label, List<String> command, Map<String, String> env,
                             List<String> table, StringBuilder json) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line = out.readLine(); line != null && base == null; line = out.readLine()) {
                if (line.startsWith("rerun4j viewer: ")) {
                    base = line.substring("rerun4j viewer: ".length()).trim();
                }
            }
            if (base == null) {
                throw new IllegalStateException("view printed no address");
            }
            double serving = (System.nanoTime() - t0) / 1e9;
            HttpClient http = HttpClient.newHttpClient();
            String id = null;
            String last = Integer.toString(frames - 1);
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("view ended with exit " + p.exitValue());
                }
                if (id == null) {
                    Object list = Json.parse(get(http, base + "api/recordings"));
                    if (list instanceof List<?> l && !l.isEmpty()) {
                        id = (String) ((Map<?, ?>) l.get(0)).get("id");
                    }
                }
                if (id != null) {
                    // While the file loads, the scene at the last time shows the latest frame read so far, and its
                    // pixels may have moved on (404) by the time they are asked for: the page asks again, so do we.
                    String scene = get(http, base + "api/recordings/" + id + "/scene?timeline=frame&time=" + last);
                    if (last.equals(rowTime(scene)) && fetchPixels(http, base, scene) > 0) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            double firstFrame = (System.nanoTime() - t0) / 1e9;
            row(table, json, String.format(Locale.ROOT, "%s: last frame on screen (serving at %.2f s)", label, serving),
                    firstFrame, size, 0, 0);
            // The page asks for the timeline's times beside the first scene and steps through them: a file opened by
            // its footer answers them once every chunk is read (in the background from the start).
            get(http, base + "api/recordings/" + id + "/times?timeline=frame");
            double timesReady = (System.nanoTime() - t0) / 1e9;
            table.add(String.format(Locale.ROOT, "%s: the timeline's %d times answered at %.2f s", label, frames, timesReady));
            double[] steps = new double[STEPS];
            int from = Math.max(0, frames / 2 - STEPS / 2);
            for (int i = 0; i < STEPS; i++) {
                long s0 = System.nanoTime();
                String scene = get(http, base + "api/recordings/" + id + "/scene?timeline=frame&time=" + (from + i));
                fetchPixels(http, base, scene);
                steps[i] = (System.nanoTime() - s0) / 1e6;
            }
            Arrays.sort(steps);
            long rss = peakRssKb(p.pid());
            String line = String.format(Locale.ROOT, "%s: step frame to frame (scene + pixels): median %.2f ms,"
                    + " p95 %.2f ms, max %.2f ms; viewer peak RSS %d MB", label, steps[STEPS / 2], steps[STEPS * 95 / 100],
                    steps[STEPS - 1], rss >> 10);
            table.add(line);
            json.append(String.format(Locale.ROOT, ", {\"case\": \"view step\", \"medianMs\": %.3f, \"p95Ms\": %.3f, "
                    + "\"peakRssMb\": %d}", steps[STEPS / 2], steps[STEPS * 95 / 100], rss >> 10));
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** GETs the depth image's pixels named in {@code scene}; returns their byte count. */
    private static long fetchPixels(HttpClient http, String base, String scene) throws Exception {
        Object parsed = Json.parse(scene);
        Object images = ((Map<?, ?>) parsed).get("depthImages");
        if (!(images instanceof List<?> l) || l.isEmpty()) {
            return 0;
        }
        String url = (String) ((Map<?, ?>) l.get(0)).get("imageUrl");
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base).resolve(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 404) {
            return 0;
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + r.statusCode());
        }
        return r.body().length;
    }

    /** The depth image's row time in a scene, as text; null when the scene has none. */
    private static String rowTime(String scene) {
        Object images = ((Map<?, ?>) Json.parse(scene)).get("depthImages");
        if (!(images instanceof List<?> l) || l.isEmpty()) {
            return null;
        }
        Object time = ((Map<?, ?>) l.get(0)).get("rowTime");
        return time instanceof Double d ? Long.toString(d.longValue()) : time == null ? null : time.toString();
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    private static void row(List<String> table, StringBuilder json, String name, double seconds, long bytes, long rssKb,
            int exit) {
        double gbs = bytes / seconds / 1e9;
        table.add(String.format(Locale.ROOT, "%-44s %8.2f s  %6.2f GB/s%s", name, seconds, gbs,
                rssKb > 0 ? String.format(Locale.ROOT, "  peak RSS %5d MB", rssKb >> 10) : ""));
        System.err.println("  (" + table.get(table.size() - 1).strip() + ")");
        json.append(String.format(Locale.ROOT, "%s{\"case\": %s, \"seconds\": %.3f, \"gbPerSecond\": %.3f, \"peakRssMb\": %d,"
                + " \"exit\": %d}", json.charAt(json.length() - 1) == '[' ? "" : ", ", Json.quote(name), seconds, gbs,
                rssKb >> 10, exit));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    private static long totalMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) >> 10;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }
}
