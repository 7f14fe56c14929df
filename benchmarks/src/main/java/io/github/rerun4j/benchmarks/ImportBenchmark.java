package io.github.rerun4j.benchmarks;

import io.github.rerun4j.cli.Main;
import io.github.rerun4j.sdk.encoding.GreyPng;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * {@code rerun4j import} of 640x480 16-bit PNG depth (+ a 640x480 JPEG colour frame each) to {@code .rrd},
 * frames per second with 1 and 2 threads, next to ImageIO alone decoding the same files on the same number of
 * threads (decoding is the floor: the target is an import at >= 80 % of the decode-only rate). Two pairs:
 * the default import (depth decoded, colour kept as the JPEG's bytes) against decoding the depth PNGs, and
 * {@code --decode-color} against decoding both (rerun4j-io decodes PNG depth with the SDK's GreyPng, over twice as
 * fast as ImageIO on 16-bit grey, so the import can beat the ImageIO floor; a row against GreyPng alone shows
 * what everything besides decoding costs). Then the heap after GC during an import of N/10 and of N
 * frames: flat memory means the two peaks are alike.
 *
 * <p>{@code java -cp benchmarks.jar io.github.rerun4j.benchmarks.ImportBenchmark DIR [--quick]}: prints a
 * table and writes {@code DIR/import.json}; exit 1 when a target is missed.
 */
public final class ImportBenchmark {

    private static final int DISTINCT = 16;

    private ImportBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.exit(() -> run(args));
    }

    private static boolean run(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target");
        boolean quick = List.of(args).contains("--quick");
        int frames = quick ? 160 : 600;
        int memoryFrames = quick ? 2_000 : 10_000;
        Path data = dir.resolve("import-bench");
        List<Path[]> files = writeFrames(data);
        Path out = data.resolve("out.rrd");

        // Warm up both paths (JIT, ImageIO's plugin registry).
        decodeOnly(files, 40, 2, true);
        importRun(files, 40, 2, false, out);

        StringBuilder json = new StringBuilder("{\"frames\": " + frames + ", \"rows\": [");
        List<String> table = new ArrayList<>();
        boolean met = true;
        for (int threads : new int[] {1, 2}) {
            for (boolean decodeColour : new boolean[] {false, true}) {
                double decode = decodeOnly(files, frames, threads, decodeColour);
                double imp = importRun(files, frames, threads, decodeColour, out);
                double ratio = imp / decode;
                met &= ratio >= 0.8;
                String what = decodeColour ? "import --decode-color vs decode depth+JPEG" : "import (JPEG as bytes) vs decode depth";
                table.add(String.format(Locale.ROOT, "%-47s %d thread%s  import %7.1f frames/s  decode-only %7.1f frames/s  %5.0f %%  %s",
                        what, threads, threads == 1 ? " " : "s", imp, decode, ratio * 100, ratio >= 0.8 ? "ok (>= 80 %)" : "MISSED (< 80 %)"));
                json.append(String.format(Locale.ROOT, "%s{\"threads\": %d, \"decodeColour\": %b, \"importFps\": %.2f, "
                        + "\"decodeOnlyFps\": %.2f, \"ratio\": %.4f}", json.charAt(json.length() - 1) == '[' ? "" : ", ",
                        threads, decodeColour, imp, decode, ratio));
            }
        }
        // Information, no target: the import against its own decoder (the SDK's GreyPng, which rerun4j-io uses
        // for PNG depth) rather than ImageIO, i.e. what everything besides decoding costs.
        for (int threads : new int[] {1, 2}) {
            double own = greyPngOnly(files, frames, threads);
            double imp = importRun(files, frames, threads, false, out);
            table.add(String.format(Locale.ROOT, "%-47s %d thread%s  import %7.1f frames/s  GreyPng only %7.1f frames/s  %5.0f %%  (information)",
                    "import (JPEG as bytes) vs GreyPng decode depth", threads, threads == 1 ? " " : "s", imp, own, imp / own * 100));
            json.append(String.format(Locale.ROOT, ", {\"threads\": %d, \"reference\": \"GreyPng\", \"importFps\": %.2f, "
                    + "\"decodeOnlyFps\": %.2f, \"ratio\": %.4f}", threads, imp, own, imp / own));
        }
        long small = peakHeapDuring(() -> importRun(files, memoryFrames / 10, 2, false, out));
        long large = peakHeapDuring(() -> importRun(files, memoryFrames, 2, false, out));
        boolean flat = large <= small * 1.5 + (32 << 20);
        met &= flat;
        table.add(String.format(Locale.ROOT, "heap after GC, import of %d frames: peak %.0f MB; of %d frames: peak %.0f MB  %s",
                memoryFrames / 10, small / 1e6, memoryFrames, large / 1e6, flat ? "ok (flat)" : "MISSED (grows)"));
        json.append(String.format(Locale.ROOT, "], \"memory\": {\"framesSmall\": %d, \"peakSmall\": %d, \"framesLarge\": %d, "
                + "\"peakLarge\": %d, \"flat\": %b}, \"met\": %b}%n", memoryFrames / 10, small, memoryFrames, large, flat, met));
        Files.writeString(dir.resolve("import.json"), json);
        System.out.println("rerun4j import, 640x480 PNG16 depth + JPEG colour (" + Runtime.getRuntime().availableProcessors()
                + " cores; " + frames + " frames a run):");
        table.forEach(line -> System.out.println("  " + line));
        return met;
    }

    /** {@link #DISTINCT} depth PNGs and JPEGs; frame i uses pair i % DISTINCT (the page cache holds them). */
    private static List<Path[]> writeFrames(Path data) throws IOException {
        Files.createDirectories(data.resolve("depth"));
        Files.createDirectories(data.resolve("rgb"));
        short[][] depth = DepthFrames.generate(DISTINCT, DepthFrames.SEED);
        List<Path[]> files = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            Path d = data.resolve(String.format(Locale.ROOT, "depth/%03d.png", i));
            Path c = data.resolve(String.format(Locale.ROOT, "rgb/%03d.jpg", i));
            BufferedImage png = new BufferedImage(DepthFrames.WIDTH, DepthFrames.HEIGHT, BufferedImage.TYPE_USHORT_GRAY);
            png.getRaster().setDataElements(0, 0, DepthFrames.WIDTH, DepthFrames.HEIGHT, depth[i]);
            ImageIO.write(png, "png", d.toFile());
            BufferedImage rgb = new BufferedImage(DepthFrames.WIDTH, DepthFrames.HEIGHT, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < DepthFrames.HEIGHT; y++) {
                for (int x = 0; x < DepthFrames.WIDTH; x++) {
                    int v = Short.toUnsignedInt(depth[i][y * DepthFrames.WIDTH + x]) / 16;
                    rgb.setRGB(x, y, (x * 255 / DepthFrames.WIDTH) << 16 | (v & 0xFF) << 8 | (y * 255 / DepthFrames.HEIGHT));
                }
            }
            ImageIO.write(rgb, "jpeg", c.toFile());
            files.add(new Path[] {d, c});
        }
        return files;
    }

    /** ImageIO.read of the same files on {@code threads} threads; frames per second. */
    private static double decodeOnly(List<Path[]> files, int frames, int threads, boolean colour) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                Path[] f = files.get(i % files.size());
                done.add(pool.submit(() -> {
                    int w = ImageIO.read(f[0].toFile()).getWidth();
                    if (colour) {
                        w += ImageIO.read(f[1].toFile()).getWidth();
                    }
                    return w;
                }));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
            return frames / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** The SDK's GreyPng decoding the same depth files (read from disk) on {@code threads} threads. */
    private static double greyPngOnly(List<Path[]> files, int frames, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                Path[] f = files.get(i % files.size());
                done.add(pool.submit(() -> GreyPng.decode(Files.readAllBytes(f[0])).width()));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
            return frames / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** {@code rerun4j import} in-process; frames per second. */
    private static double importRun(List<Path[]> files, int frames, int threads, boolean decodeColour, Path out) {
        List<String> args = new ArrayList<>(List.of("import"));
        for (int i = 0; i < frames; i++) {
            args.add(files.get(i % files.size())[0].toString());
        }
        args.add("--color");
        for (int i = 0; i < frames; i++) {
            args.add(files.get(i % files.size())[1].toString());
        }
        String compress = System.getProperty("import.compress");
        if (compress != null) {
            args.addAll(List.of("--compress", compress));
        }
        args.addAll(List.of("--fx", "525", "--fy", "525", "--cx", "319.5", "--cy", "239.5", "--threads",
                Integer.toString(threads), "--out", out.toString()));
        if (decodeColour) {
            args.add("--decode-color");
        }
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(Writer.nullWriter()), new PrintWriter(err));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("import failed (" + code + "): " + err);
        }
        return frames / seconds;
    }

    /** The largest heap in use right after a collection while {@code run} runs (sampled every 20 ms). */
    private static long peakHeapDuring(Runnable run) throws InterruptedException {
        long[] peak = {0};
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    MemoryUsage after = pool.getCollectionUsage();
                    if (pool.getType() == MemoryType.HEAP && after != null) {
                        used += after.getUsed();
                    }
                }
                synchronized (peak) {
                    peak[0] = Math.max(peak[0], used);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        System.gc();
        sampler.setDaemon(true);
        sampler.start();
        try {
            run.run();
        } finally {
            stop.set(true);
            sampler.join();
        }
        synchronized (peak) {
            return peak[0];
        }
    }
}
