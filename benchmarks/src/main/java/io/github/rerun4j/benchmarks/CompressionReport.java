package io.github.rerun4j.benchmarks;

import io.github.rerun4j.sdk.encoding.GreyPng;
import io.github.rerun4j.sdk.encoding.Rvl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code CompressionReport compression.json}: the table of {@link CompressionBenchmark} (Mpx/s, MB/s of raw depth,
 * compressed size and ratio per codec) with the target of issue 11: RVL encode and decode each at least
 * {@value #TARGET_MPX_S} Mpx/s. Exit status 0 when met, 1 when not.
 */
public final class CompressionReport {

    static final double TARGET_MPX_S = 200;

    private CompressionReport() {
    }

    public static void main(String[] args) throws Exception {
        List<?> runs = (List<?>) Json.parse(Files.readString(Path.of(args[0])));
        Map<String, Double> micros = new LinkedHashMap<>();
        for (Object run : runs) {
            String name = (String) ((Map<?, ?>) run).get("benchmark");
            micros.put(name.substring(name.lastIndexOf('.') + 1), Json.num(Json.obj(run, "primaryMetric"), "score"));
        }
        CompressionBenchmark.Frame f = new CompressionBenchmark.Frame();
        f.setUp();
        Map<String, Integer> sizes = Map.of("rvl", f.rvl.length, "png", f.png.length, "lz4", f.lz4.length);
        double px = DepthFrames.PIXELS;
        System.out.printf("depth compression, one %dx%d u16 frame (%d bytes raw, %.0f%% holes)%n", DepthFrames.WIDTH,
                DepthFrames.HEIGHT, f.raw.length, 100.0 * zeros(f.depth) / px);
        System.out.printf("%-6s %12s %12s %12s %12s %10s %7s%n", "codec", "enc Mpx/s", "enc MB/s", "dec Mpx/s",
                "dec MB/s", "bytes", "ratio");
        boolean met = true;
        for (String[] codec : new String[][] {{"rvl", "rvlEncode", "rvlDecode"}, {"png", "pngEncode", "pngDecode"},
                {"lz4", "lz4Compress", "lz4Decompress"}}) {
            double enc = px / micros.getOrDefault(codec[1], Double.NaN);
            double dec = px / micros.getOrDefault(codec[2], Double.NaN);
            int size = sizes.get(codec[0]);
            System.out.printf("%-6s %12.1f %12.1f %12.1f %12.1f %10d %6.2f:1%n", codec[0], enc, enc * 2, dec, dec * 2,
                    size, (double) f.raw.length / size);
            if (codec[0].equals("rvl")) {
                met = enc >= TARGET_MPX_S && dec >= TARGET_MPX_S;
            }
        }
        System.out.printf("target: RVL encode and decode >= %.0f Mpx/s each: %s%n", TARGET_MPX_S, met ? "met" : "MISSED");
        System.out.println("(" + Rvl.MEDIA_TYPE + " and " + GreyPng.MEDIA_TYPE + " are what EncodedDepthImage logs)");
        System.exit(met ? 0 : 1);
    }

    private static int zeros(short[] depth) {
        int n = 0;
        for (short s : depth) {
            n += s == 0 ? 1 : 0;
        }
        return n;
    }
}
