package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.RowRef;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rerun4j import: sequences, TUM folders, the round trip to points, bad files, usage errors. */
class ImportCommandTest {

    @TempDir
    Path dir;

    /** A 16-bit grey PNG of {@code w x h} holding {@code background} everywhere and {@code special} at (sx, sy). */
    static Path png16(Path file, int w, int h, int background, int sx, int sy, int special) throws IOException {
        short[] v = new short[w * h];
        Arrays.fill(v, (short) background);
        v[sy * w + sx] = (short) special;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setDataElements(0, 0, w, h, v);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    static Path rgbPng(Path file, int w, int h) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    /** The points of an ASCII PLY, x y z per vertex. */
    static List<float[]> ply(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        int body = lines.indexOf("end_header") + 1;
        List<float[]> points = new ArrayList<>();
        for (String line : lines.subList(body, lines.size())) {
            String[] f = line.trim().split("\\s+");
            points.add(new float[] {Float.parseFloat(f[0]), Float.parseFloat(f[1]), Float.parseFloat(f[2])});
        }
        return points;
    }

    static boolean near(float[] p, double x, double y, double z) {
        return Math.abs(p[0] - x) < 1e-4 && Math.abs(p[1] - y) < 1e-4 && Math.abs(p[2] - z) < 1e-4;
    }

    @Test
    void numberedSequenceInNaturalOrderRoundTripsToTheBackProjectionOfKnownPixels() throws IOException {
        Path depth = dir.resolve("depth");
        png16(depth.resolve("frame10.png"), 5, 4, 3000, 3, 1, 2500);
        png16(depth.resolve("frame2.png"), 5, 4, 2000, 0, 0, 0);
        png16(depth.resolve("frame1.png"), 5, 4, 1000, 4, 3, 1250);
        Path out = dir.resolve("seq.rrd");

        CliRun run = CliRun.of("import", depth.resolve("*.png").toString(), "--fx", "2", "--fy", "3", "--cx", "2",
                "--cy", "1.5", "--depth-unit", "mm", "--threads", "2", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + out + ": 3 frames").contains("depth: 5x4 U16, meter 1000 = mm")
                .contains("timeline: frame (sequence)").contains("camera: fx=2 fy=3 cx=2 cy=1.5 from --fx --fy --cx --cy");
        ChunkStore store = ChunkStore.load(out);
        assertThat(store.timelines().get("frame").type()).isEqualTo(TimeType.SEQUENCE);
        assertThat(store.timelines()).doesNotContainKeys("log_time", "log_tick");
        assertThat(store.range(ImportCommand.DEPTH, "DepthImage:buffer", "frame", 0, 10)).extracting(r -> r.time().getAsLong())
                .containsExactly(0L, 1L, 2L);
        assertThat(store.latestAt(ImportCommand.CAMERA, "Pinhole:image_from_camera", "frame", 2)).isPresent();

        // frame 2 of the sequence is frame10.png (natural order): 3 m everywhere, 2.5 m at pixel (3, 1).
        Path cloud = dir.resolve("frame10.ply");
        CliRun points = CliRun.of("points", out.toString(), "--entity", ImportCommand.DEPTH, "--timeline", "frame",
                "--time", "2", "--ascii", "--out", cloud.toString());
        assertThat(points.exitCode()).as(points.err()).isZero();
        List<float[]> p = ply(cloud);
        assertThat(p).hasSize(20);
        // (x - cx) * z / fx, (y - cy) * z / fy, z with the integer pixel index (docs/semantics.md §5.3)
        assertThat(p).anyMatch(v -> near(v, (3 - 2) * 2.5 / 2, (1 - 1.5) * 2.5 / 3, 2.5));
        assertThat(p).anyMatch(v -> near(v, (0 - 2) * 3.0 / 2, (0 - 1.5) * 3.0 / 3, 3.0));

        // frame 1 is frame2.png: pixel (0, 0) is 0 = no measurement, so 19 points.
        CliRun second = CliRun.of("points", out.toString(), "--entity", ImportCommand.DEPTH, "--timeline", "frame",
                "--time", "1", "--ascii", "--out", dir.resolve("frame2.ply").toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(ply(dir.resolve("frame2.ply"))).hasSize(19).allMatch(v -> Math.abs(v[2] - 2.0) < 1e-6);
    }

    @Test
    void tumFolderAssociatesFramesLogsPosesAndTimestamps() throws IOException {
        Path seq = Files.createDirectories(dir.resolve("rgbd_dataset_freiburg1_synthetic"));
        // depth 1.000 pairs with rgb 1.010; depth 1.050 with rgb 1.045; depth 1.100 has no rgb within 20 ms.
        Files.writeString(seq.resolve("depth.txt"), "# depth maps\n1.000 depth/1.000.png\n1.050 depth/1.050.png\n1.100 depth/1.100.png\n");
        Files.writeString(seq.resolve("rgb.txt"), "# color images\n1.010 rgb/1.010.png\n1.045 rgb/1.045.png\n1.200 rgb/1.200.png\n");
        Files.writeString(seq.resolve("groundtruth.txt"), """
                # timestamp tx ty tz qx qy qz qw
                0.990 1 2 3 0 0 0 1
                1.040 10 20 30 0 0 0.7071068 0.7071068
                """);
        png16(seq.resolve("depth/1.000.png"), 4, 4, 10000, 0, 0, 10000);  // 2 m at 5000 per metre
        png16(seq.resolve("depth/1.050.png"), 4, 4, 5000, 3, 2, 15000);   // 1 m, 3 m at (3, 2)
        png16(seq.resolve("depth/1.100.png"), 4, 4, 5000, 0, 0, 5000);
        for (String s : new String[] {"1.010", "1.045", "1.200"}) {
            rgbPng(seq.resolve("rgb/" + s + ".png"), 4, 4);
        }
        Path out = dir.resolve("tum.rrd");

        CliRun run = CliRun.of("import", "--tum", seq.toString(), "--fx", "2", "--fy", "2", "--cx", "2", "--cy", "2",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 frames").contains("meter 5000 = tum").contains("timeline: timestamp (timestamp)")
                .contains("colour: 2 frames (the files' bytes, EncodedImage)").contains("poses: 2 from groundtruth.txt")
                .contains("unpaired: 1 depth frames");
        ChunkStore store = ChunkStore.load(out);
        assertThat(store.timelines().get("timestamp").type()).isEqualTo(TimeType.TIMESTAMP);
        assertThat(store.range(ImportCommand.DEPTH, "DepthImage:buffer", "timestamp", 0, Long.MAX_VALUE))
                .extracting(r -> r.time().getAsLong()).containsExactly(1_000_000_000L, 1_050_000_000L);
        assertThat(store.range(ImportCommand.RGB, "EncodedImage:blob", "timestamp", 0, Long.MAX_VALUE))
                .as("colour at its depth frame's time").extracting(r -> r.time().getAsLong())
                .containsExactly(1_000_000_000L, 1_050_000_000L);
        List<RowRef> poses = store.range(ImportCommand.CAMERA, "Transform3D:translation", "timestamp", 0, Long.MAX_VALUE);
        assertThat(poses).extracting(r -> r.time().getAsLong()).containsExactly(990_000_000L, 1_040_000_000L);

        // The first frame sits under the first pose: camera point + (1, 2, 3).
        CliRun first = CliRun.of("points", out.toString(), "--entity", ImportCommand.DEPTH, "--timeline", "timestamp",
                "--time", "1000000000", "--ascii", "--out", dir.resolve("t1.ply").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(ply(dir.resolve("t1.ply"))).anyMatch(v -> near(v, (0 - 2) * 2.0 / 2 + 1, (0 - 2) * 2.0 / 2 + 2, 2 + 3));
        // The second under the second pose, a quarter turn about z: (x, y, z) -> (-y, x, z) + (10, 20, 30).
        CliRun second = CliRun.of("points", out.toString(), "--entity", ImportCommand.DEPTH, "--timeline", "timestamp",
                "--time", "1050000000", "--ascii", "--out", dir.resolve("t2.ply").toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        double x = (3 - 2) * 3.0 / 2;
        double y = (2 - 2) * 3.0 / 2;
        assertThat(ply(dir.resolve("t2.ply"))).anyMatch(v -> near(v, -y + 10, x + 20, 3 + 30));
    }

    @Test
    void readmesSyntheticTumExampleRunsAsWritten() throws IOException {
        String command = "./rerun4j import --tum examples/data/rgbd_dataset_freiburg1_synthetic --out synthetic.rrd";
        assertThat(Files.readString(Path.of("../README.md"))).contains(command);
        Path out = dir.resolve("synthetic.rrd");

        CliRun run = CliRun.of("import", "--tum", "../examples/data/rgbd_dataset_freiburg1_synthetic", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 frames").contains("640x480 U16, meter 5000 = tum")
                .contains("fx=517.3 fy=516.5 cx=318.6 cy=255.3 (640x480) from the TUM RGB-D freiburg1 intrinsics")
                .contains("colour: 3 frames").contains("poses: 3 from groundtruth.txt").doesNotContain("unpaired");
        // The ball's centre pixel (220, 240) of the first frame, its nearest point (the generator's formula), under
        // the first pose (x = 0).
        CliRun points = CliRun.of("points", out.toString(), "--entity", ImportCommand.DEPTH, "--timeline", "timestamp",
                "--time", "1305031102160407000", "--ascii", "--out", dir.resolve("s.ply").toString());
        assertThat(points.exitCode()).as(points.err()).isZero();
        double z = Math.round((1.2 - 80 * 1.2 / 517.3) * 5000) / 5000.0;
        assertThat(ply(dir.resolve("s.ply"))).anyMatch(v -> near(v, (220 - 318.6) * z / 517.3, (240 - 255.3) * z / 516.5, z));
    }

    @Test
    void tumPublishedIntrinsicsNeedTheirImageSize() throws IOException {
        Path seq = Files.createDirectories(dir.resolve("rgbd_dataset_freiburg2_small"));
        Files.writeString(seq.resolve("depth.txt"), "1.0 d.png\n");
        png16(seq.resolve("d.png"), 4, 4, 5000, 0, 0, 5000);

        CliRun run = CliRun.of("import", "--tum", seq.toString(), "--out", dir.resolve("x.rrd").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("freiburg2").contains("640x480").contains("4x4").contains("--scale-intrinsics");

        CliRun scaled = CliRun.of("import", "--tum", seq.toString(), "--scale-intrinsics", "--out", dir.resolve("x.rrd").toString());
        assertThat(scaled.exitCode()).as(scaled.err()).isZero();
        assertThat(scaled.out()).contains("fx=520.9").contains("note: distortion coefficients");
    }

    @Test
    void aBadFileStopsTheImportWithItsNameAndWhatWasWrittenStaysValid() throws IOException {
        Path depth = dir.resolve("depth");
        png16(depth.resolve("0.png"), 3, 3, 1000, 0, 0, 1000);
        Path bad = png16(depth.resolve("1.png"), 3, 3, 1000, 0, 0, 1000);
        byte[] bytes = Files.readAllBytes(bad);
        Files.write(bad, Arrays.copyOf(bytes, 45)); // IHDR whole, the data cut
        png16(depth.resolve("2.png"), 3, 3, 1000, 0, 0, 1000);
        Path out = dir.resolve("stop.rrd");

        CliRun run = CliRun.of("import", depth.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(bad.toString()).contains("PNG data").contains("the 1 frame before it are in " + out)
                .contains("--skip-bad");
        assertThat(CliRun.of("verify", out.toString()).exitCode()).isZero();
        assertThat(ChunkStore.load(out).range(ImportCommand.DEPTH, "DepthImage:buffer", "frame", 0, 10)).hasSize(1);

        CliRun skip = CliRun.of("import", depth.toString(), "--skip-bad", "--out", out.toString());
        assertThat(skip.exitCode()).as(skip.err()).isZero();
        assertThat(skip.out()).contains("2 frames").contains("skipped 1:").contains(bad.toString());
        assertThat(ChunkStore.load(out).range(ImportCommand.DEPTH, "DepthImage:buffer", "frame", 0, 10))
                .extracting(r -> r.time().getAsLong()).containsExactly(0L, 2L);
    }

    @Test
    void rvlCompressionWritesEncodedDepthAndFloatDepthIsRefusedForIt() throws IOException {
        Path png = png16(dir.resolve("d.png"), 5, 3, 1234, 1, 1, 0);
        Path out = dir.resolve("rvl.rrd");
        CliRun run = CliRun.of("import", png.toString(), "--compress", "rvl", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("--compress rvl -> world/camera/depth").contains("camera: none (2D only)");
        assertThat(ChunkStore.load(out).range(ImportCommand.DEPTH, "EncodedDepthImage:blob", "frame", 0, 0)).hasSize(1);

        Path pfm = dir.resolve("d.pfm");
        Files.write(pfm, concat("Pf\n1 1\n-1\n".getBytes(StandardCharsets.US_ASCII), floats(1.5f)));
        CliRun refused = CliRun.of("import", pfm.toString(), "--compress", "png", "--out", dir.resolve("f.rrd").toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("--compress png needs unsigned 16-bit depth").contains("F32");
    }

    @Test
    void disparityPfmBecomesDepthInMetres() throws IOException {
        // 2x1 disparity 10 px and +inf (unknown); baseline 0.1 m, focal 50 px -> z = 0.5 m.
        Path pfm = dir.resolve("disp0.pfm");
        Files.write(pfm, concat("Pf\n2 1\n-1\n".getBytes(StandardCharsets.US_ASCII), floats(10f, Float.POSITIVE_INFINITY)));
        Path out = dir.resolve("disp.rrd");
        CliRun run = CliRun.of("import", pfm.toString(), "--disparity", "--baseline", "0.1", "--focal", "50",
                "--fx", "50", "--fy", "50", "--cx", "0", "--cy", "0", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2x1 F32, meter 1 = m (from disparity)");
        CliRun points = CliRun.of("points", out.toString(), "--entity", ImportCommand.DEPTH, "--ascii", "--out",
                dir.resolve("d.ply").toString());
        assertThat(points.exitCode()).as(points.err()).isZero();
        assertThat(ply(dir.resolve("d.ply"))).singleElement().matches(v -> near(v, 0, 0, 0.5));
    }

    @Test
    void middleburyDisparityTakesFocalDoffsAndBaselineFromCalibTxt() throws IOException {
        // f = 100 px, baseline 200 mm, doffs 30 px: d = 10 px -> z = 0.2 * 100 / 40 = 0.5 m; +inf = unknown.
        Path calib = Files.writeString(dir.resolve("calib.txt"), """
                cam0=[100 0 1; 0 100 0; 0 0 1]
                cam1=[100 0 31; 0 100 0; 0 0 1]
                doffs=30
                baseline=200
                width=2
                height=1
                ndisp=64
                """);
        Path pfm = dir.resolve("disp0.pfm");
        Files.write(pfm, concat("Pf\n2 1\n-1\n".getBytes(StandardCharsets.US_ASCII), floats(10f, Float.POSITIVE_INFINITY)));
        Path out = dir.resolve("mb.rrd");
        CliRun run = CliRun.of("import", pfm.toString(), "--disparity", "--intrinsics", calib.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("disparity: depth = 0.2 m x 100 px / (d / 1 + 30 px)")
                .contains("camera: fx=100 fy=100 cx=1 cy=0 (2x1) from cam0 of " + calib);
        CliRun points = CliRun.of("points", out.toString(), "--entity", ImportCommand.DEPTH, "--ascii", "--out",
                dir.resolve("mb.ply").toString());
        assertThat(points.exitCode()).as(points.err()).isZero();
        assertThat(ply(dir.resolve("mb.ply"))).singleElement().matches(v -> near(v, (0 - 1) * 0.5 / 100, 0, 0.5));

        CliRun own = CliRun.of("import", pfm.toString(), "--disparity", "--intrinsics", calib.toString(), "--baseline", "0.1",
                "--doffs", "0", "--out", out.toString());
        assertThat(own.out()).as("options win over calib.txt").contains("disparity: depth = 0.1 m x 100 px / (d / 1 + 0 px)");
    }

    @Test
    void intrinsicsFileAndFpsTimeline() throws IOException {
        Path png = png16(dir.resolve("a.png"), 4, 2, 1000, 0, 0, 1000);
        png16(dir.resolve("b.png"), 4, 2, 1000, 0, 0, 1000);
        Path cam = Files.writeString(dir.resolve("cam.json"), "{\"fx\": 3, \"fy\": 3, \"cx\": 1.5, \"cy\": 0.5, \"width\": 4, \"height\": 2}");
        Path out = dir.resolve("fps.rrd");
        CliRun run = CliRun.of("import", png.toString(), dir.resolve("b.png").toString(), "--intrinsics", cam.toString(),
                "--fps", "30", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("fx=3 fy=3 cx=1.5 cy=0.5 (4x2) from fx, fy, cx, cy of " + cam).contains("timeline: time (duration)");
        ChunkStore store = ChunkStore.load(out);
        assertThat(store.timelines().get("time").type()).isEqualTo(TimeType.DURATION);
        assertThat(store.range(ImportCommand.DEPTH, "DepthImage:buffer", "time", 0, Long.MAX_VALUE))
                .extracting(r -> r.time().getAsLong()).containsExactly(0L, 33_333_333L);
    }

    @Test
    void usageErrorsAreOneLineWithExitCode2() throws IOException {
        Path png = png16(dir.resolve("u.png"), 2, 2, 1, 0, 0, 1);
        String out = dir.resolve("u.rrd").toString();
        String[][] cases = {
            {"import", "--out", out},
            {"import", png.toString(), "--fx", "1", "--out", out},
            {"import", png.toString(), "--depth-unit", "mm", "--depth-scale", "0.001", "--out", out},
            {"import", png.toString(), "--depth-unit", "cm", "--out", out},
            {"import", png.toString(), "--depth-scale", "-1", "--out", out},
            {"import", png.toString(), "--compress", "zip", "--out", out},
            {"import", png.toString(), "--disparity", "--out", out},
            {"import", png.toString(), "--baseline", "0.1", "--out", out},
            {"import", png.toString(), "--tum", dir.toString(), "--out", out},
            {"import", dir.resolve("missing.png").toString(), "--out", out},
            {"import", png.toString(), "--intrinsics", dir.resolve("none.yaml").toString(), "--out", out},
            {"import", png.toString(), "--color", png.toString(), png.toString(), "--out", out},
            {"import", png.toString(), "--out", dir.toString()},
        };
        String[] expected = {"nothing to import", "give all four", "give one", "--depth-unit cm: expected one of mm, m, tum, kitti",
            "--depth-scale -1.0: expected a finite value > 0", "--compress zip: expected rvl, png, lz4 or none",
            "--disparity needs --baseline", "--baseline, --focal and --doffs are for --disparity", "give no DEPTH files", "missing.png: no such file or directory",
            "none.yaml: no such file", "2 colour files for 1 depth files", "is a directory"};
        for (int i = 0; i < cases.length; i++) {
            CliRun run = CliRun.of(cases[i]);
            assertThat(run.exitCode()).as(String.join(" ", cases[i]) + "\n" + run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(String.join(" ", cases[i])).contains(expected[i]);
            assertThat(run.errLines()).as(String.join(" ", cases[i])).hasSize(1);
        }
    }

    @Test
    void colourPairedByTheTimesInTheFileNamesOnATimestampTimeline() throws IOException {
        // depth 100.000 pairs with rgb 100.005; depth 100.100 with rgb 100.090; depth 100.200 has no rgb near.
        for (String t : new String[] {"100.000", "100.100", "100.200"}) {
            png16(dir.resolve("depth/" + t + ".png"), 2, 2, 1000, 0, 0, 1000);
        }
        for (String t : new String[] {"100.005", "100.090", "100.500"}) {
            rgbPng(dir.resolve("rgb/" + t + ".png"), 2, 2);
        }
        Path out = dir.resolve("pair.rrd");
        CliRun run = CliRun.of("import", dir.resolve("depth").toString(), "--color", dir.resolve("rgb").toString(),
                "--pair", "timestamp", "--decode-color", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 frames").contains("timeline: timestamp (timestamp)")
                .contains("colour: 2 frames (decoded pixels, Image)").contains("unpaired: 1 depth frames");
        ChunkStore store = ChunkStore.load(out);
        assertThat(store.range(ImportCommand.DEPTH, "DepthImage:buffer", "timestamp", 0, Long.MAX_VALUE))
                .extracting(r -> r.time().getAsLong()).containsExactly(100_000_000_000L, 100_100_000_000L);
        assertThat(store.range(ImportCommand.RGB, "Image:buffer", "timestamp", 0, Long.MAX_VALUE)).hasSize(2);

        CliRun noTime = CliRun.of("import", png16(dir.resolve("x/depth.png"), 2, 2, 1, 0, 0, 1).toString(), "--pair",
                "timestamp", "--out", out.toString());
        assertThat(noTime.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noTime.err()).contains("depth.png has no time");
    }

    @Test
    void cameraPresetsAreThePublishedIntrinsics() throws IOException {
        Path png = png16(dir.resolve("vga.png"), 640, 480, 5000, 0, 0, 5000);
        Path out = dir.resolve("preset.rrd");
        CliRun run = CliRun.of("import", png.toString(), "--camera-preset", "freiburg3", "--depth-unit", "tum",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("fx=535.4 fy=539.2 cx=320.1 cy=247.6 (640x480) from the TUM RGB-D freiburg3 intrinsics")
                .contains("meter 5000 = tum");
        BufferedImage grey8 = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        Path eight = dir.resolve("vis.png");
        ImageIO.write(grey8, "png", eight.toFile());
        CliRun vis = CliRun.of("import", eight.toString(), "--out", out.toString());
        assertThat(vis.exitCode()).as(vis.err()).isZero();
        assertThat(vis.out()).contains("4x4 U8, meter 1000 = mm (the default for integer depth)")
                .contains("note: 8-bit depth is usually a quantised visualisation");
        CliRun bad = CliRun.of("import", png.toString(), "--camera-preset", "kinect", "--out", out.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--camera-preset kinect: expected one of [freiburg1, freiburg2, freiburg3, ros-default]");
    }

    @Test
    void progressRedrawsOneLineOnATerminalAndPrintsPlainLinesOtherwise() throws InterruptedException {
        java.io.StringWriter tty = new java.io.StringWriter();
        ImportProgress bar = new ImportProgress(new java.io.PrintWriter(tty), true, 4);
        bar.frameDone(1_000_000);
        Thread.sleep(120);
        bar.frameDone(1_000_000);
        bar.finish();
        assertThat(tty.toString()).startsWith("\r[").contains("2/4 frames  2.0 MB").contains("frames/s  ETA ")
                .endsWith(System.lineSeparator()).doesNotContain("import:");

        java.io.StringWriter log = new java.io.StringWriter();
        ImportProgress plain = new ImportProgress(new java.io.PrintWriter(log), false, 4);
        plain.frameDone(10);
        plain.finish();
        assertThat(log.toString()).as("short imports print no progress line").isEmpty();
        assertThat(ImportProgress.duration(3725)).isEqualTo("1:02:05");
        assertThat(ImportProgress.duration(65)).isEqualTo("1:05");
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        List<Path> names = new ArrayList<>(List.of(Path.of("f10.png"), Path.of("f9.png"), Path.of("f010.png"),
                Path.of("f1.png"), Path.of("g1.png"), Path.of("f1b.png")));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).extracting(Path::toString)
                .containsExactly("f1.png", "f1b.png", "f9.png", "f010.png", "f10.png", "g1.png");
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
