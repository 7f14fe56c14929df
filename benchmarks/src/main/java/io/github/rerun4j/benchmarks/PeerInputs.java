package io.github.rerun4j.benchmarks;

import io.github.rerun4j.render.colormap.ColormapLut;
import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.types.Colormap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes what the numpy peer ({@code benchmarks/peers/numpy_bench.py}) needs to do exactly the benchmark's
 * work on exactly its data, into a directory (default {@code benchmarks/target}):
 *
 * <ul>
 *   <li>{@code frame_WxH.u16}: the {@link RenderBenchmark} frame, raw little-endian u16, for 640x480 and
 *       1280x720;</li>
 *   <li>{@code turbo_lut.u32}: rerun4j's TURBO table over [0, 65535], 65 536 little-endian 0xAARRGGBB;</li>
 *   <li>{@code peer_inputs.json}: per size the camera (fx, fy, cx, cy, meter, radius per z) and rerun4j's
 *       own results for cross-checking: point count, sum of the points' xyz, and the sum of the ARGB output
 *       as unsigned 32-bit values.</li>
 * </ul>
 */
public final class PeerInputs {

    static final String[] SIZES = {"640x480", "1280x720"};

    private PeerInputs() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target");
        Files.createDirectories(dir);
        ColormapLut lut = ColormapLut.u16(Colormap.TURBO, 0f, 65535f);
        ByteBuffer table = ByteBuffer.allocate(ColormapLut.SIZE * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v = 0; v < ColormapLut.SIZE; v++) {
            table.putInt(lut.lookup(v));
        }
        Files.write(dir.resolve("turbo_lut.u32"), table.array());

        StringBuilder json = new StringBuilder("{\n");
        for (int s = 0; s < SIZES.length; s++) {
            int[] wh = RenderBenchmark.parseSize(SIZES[s]);
            int w = wh[0];
            int h = wh[1];
            short[] raw = RenderBenchmark.frame(w, h);
            String file = "frame_" + w + "x" + h + ".u16";
            Files.write(dir.resolve(file), DepthFrames.toLittleEndian(raw));

            int[] argb = new int[w * h];
            lut.colorize(raw, raw.length, argb);
            long argbSum = 0;
            for (int c : argb) {
                argbSum += c & 0xFFFFFFFFL;
            }
            float f = RenderBenchmark.focal(w);
            Pinhole pinhole = Pinhole.fromFocalLengthAndResolution(f, w, h);
            DepthImage depth = DepthImage.fromU16(raw, w, h).withMeter(RenderBenchmark.METER);
            PointCloud cloud = BackProjection.project(depth, pinhole, Affine3.identity(), 0f, 65535f);
            double xyzSum = 0;
            for (float v : cloud.xyz()) {
                xyzSum += v;
            }
            float cx = pinhole.imageFromCamera().get(0, 2);
            float cy = pinhole.imageFromCamera().get(1, 2);
            // Same expression as BackProjection (fill ratio 1, resolution height = image height, identity).
            float radiusPerZ = (float) (1f * h / (Math.abs(pinhole.focalLengthY()) * (double) h));
            json.append(String.format(Locale.ROOT,
                    "  \"%s\": {\"file\": \"%s\", \"width\": %d, \"height\": %d, \"fx\": %s, \"fy\": %s, "
                            + "\"cx\": %s, \"cy\": %s, \"meter\": %s, \"radiusPerZ\": %s, "
                            + "\"points\": %d, \"xyzSum\": %s, \"argbSum\": %d}%s%n",
                    SIZES[s], file, w, h, pinhole.focalLengthX(), pinhole.focalLengthY(), cx, cy,
                    RenderBenchmark.METER, radiusPerZ, cloud.count(), xyzSum, argbSum,
                    s + 1 < SIZES.length ? "," : ""));
        }
        json.append("}\n");
        Files.writeString(dir.resolve("peer_inputs.json"), json);
    }
}
