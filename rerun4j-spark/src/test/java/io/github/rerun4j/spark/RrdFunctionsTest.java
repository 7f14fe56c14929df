package io.github.rerun4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.spark.internal.ComponentKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The depth functions against hand-computed values, in SQL over a fleet, and README's job. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RrdFunctionsTest {

    static final int ROBOTS = 3;
    static final int FRAMES = 6;

    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        Fleet.write(dir, ROBOTS, FRAMES);
        spark = Sparks.local(RrdFunctionsTest.class);
        RrdFunctions.register(spark);
        spark.read().format("rrd").load(dir.toString()).createOrReplaceTempView("frames");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** A raw value in metres as the viewer computes it: f32(raw) x f32(1 / meter). */
    static double metres(float raw, float meter) {
        return raw * (1f / meter);
    }

    @Test
    void millimetresByDefaultForIntegerImages() {
        DepthStats s = DepthStats.of(DepthImage.fromU16(new short[] {0, 1000, 3000, 2000}, 2, 2));
        assertThat(s.pixels()).isEqualTo(4);
        assertThat(s.validPixels()).isEqualTo(3);
        assertThat(s.validFraction()).isEqualTo(0.75);
        assertThat(s.minM()).isEqualTo(1.0);
        assertThat(s.maxM()).isEqualTo(metres(3000, 1000)).isEqualTo(3.000000238418579);  // f32, like the GPU
        assertThat(s.meanM()).isEqualTo((1.0 + 2.0 + metres(3000, 1000)) / 3);
        assertThat(s.medianM()).isEqualTo(2.0);
    }

    @Test
    void theLoggedMeterAndAnEvenCountsMedian() {
        // meter 500: 1, 0 (invalid), 3, 5, 131.07, 0 (invalid) metres
        DepthStats s = DepthStats.of(DepthImage.fromU16(new short[] {500, 0, 1500, 2500, (short) 65535, 0}, 3, 2)
                .withMeter(500));
        assertThat(s.validFraction()).isEqualTo(4.0 / 6);
        assertThat(s.minM()).isEqualTo(1.0);
        assertThat(s.maxM()).isEqualTo(metres(65535, 500)).isCloseTo(131.07, within(1e-5));
        assertThat(s.medianM()).isEqualTo((metres(1500, 500) + metres(2500, 500)) / 2).isCloseTo(4.0, within(1e-6));
        assertThat(s.meanM()).isEqualTo((1 + metres(1500, 500) + 5 + metres(65535, 500)) / 4);
    }

    @Test
    void negativeNanAndInfiniteDepthsAreInvalid() {
        DepthStats s = DepthStats.of(DepthImage.fromF32(new float[] {Float.NaN, -1, Float.POSITIVE_INFINITY, 2.5f,
            0, 0.5f}, 3, 2));
        assertThat(s.validPixels()).isEqualTo(2);
        assertThat(s.minM()).isEqualTo(0.5);
        assertThat(s.maxM()).isEqualTo(2.5);
        assertThat(s.medianM()).isEqualTo(1.5);
        DepthStats none = DepthStats.of(DepthImage.fromF32(new float[] {0, Float.NaN}, 2, 1));
        assertThat(none.anyValid()).isFalse();
        assertThat(none.validFraction()).isZero();
        assertThat(none.minM()).isNaN();
    }

    @Test
    void theMedianIsTheSortedMiddle() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(15);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(trial < 200 ? 20 : 5000);
            int distinct = 1 + random.nextInt(trial % 3 == 0 ? 4 : 100_000);  // runs of equal depths, or few
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = 0.001f * (1 + random.nextInt(distinct));
            }
            float[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
            assertThat(DepthStats.median(values, n)).as("n %d, trial %d", n, trial).isEqualTo(expected);
        }
        float[] ascending = new float[10_001];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = i;
        }
        assertThat(DepthStats.median(ascending, ascending.length)).isEqualTo(5000.0);
    }

    @Test
    void theColumnsValuesGiveTheSameStatistics() {
        Row format = new GenericRowWithSchema(new Object[] {2, 1, "U16", null, null}, ComponentKind.FORMAT_TYPE);
        byte[] le = {(byte) 0xE8, 0x03, 0, 0};  // 1000, 0
        assertThat(RrdFunctions.stats(le, format, null).validFraction()).isEqualTo(0.5);
        assertThat(RrdFunctions.stats(le, format, 100f).minM()).isEqualTo(10.0);
        assertThat(RrdFunctions.stats(null, format, null)).isNull();
        Row bad = new GenericRowWithSchema(new Object[] {2, 1, "U12", null, null}, ComponentKind.FORMAT_TYPE);
        assertThatThrownBy(() -> RrdFunctions.stats(le, bad, null))
                .hasMessageContaining("depth format channel_datatype: got \"U12\", expected one of U8");
    }

    @Test
    void inSqlOnTheExecutorsPerFrame() {
        String args = "(`DepthImage:buffer`, `DepthImage:format`, `DepthImage:meter`)";
        List<Row> rows = spark.sql("SELECT recording_id, entity_path, frame, depth_valid_fraction" + args
                + ", depth_min_m" + args + ", depth_max_m" + args + ", depth_mean_m" + args + ", depth_median_m" + args
                + ", depth_stats" + args + ".valid_pixels FROM frames WHERE `DepthImage:buffer` IS NOT NULL")
                .collectAsList();
        assertThat(rows).hasSize(ROBOTS * FRAMES * 2);
        for (Row row : rows) {
            int r = Integer.parseInt(row.getString(0).substring("robot-".length()));
            int f = (int) row.getLong(2);
            if (row.getString(1).equals("/world/camera/depth")) {
                // 32 pixels, the first (f % 5) * 4 zero, the others 1000 + 10 r + f + i millimetres
                int zeros = (f % 5) * 4;
                double first = (1000 + 10 * r + f + zeros) / 1000.0;
                double last = (1000 + 10 * r + f + 31) / 1000.0;
                assertThat(row.getDouble(3)).isEqualTo((32.0 - zeros) / 32);
                assertThat(row.getDouble(4)).isCloseTo(first, within(1e-6));
                assertThat(row.getDouble(5)).isCloseTo(last, within(1e-6));
                assertThat(row.getDouble(6)).isCloseTo((first + last) / 2, within(1e-6));
                assertThat(row.getDouble(7)).isCloseTo((first + last) / 2, within(1e-6));
                assertThat(row.getLong(8)).isEqualTo(32 - zeros);
            } else {
                // 0.5 + 0.25 i + r metres, NaN at pixel f and -1 at pixel 31: 30 valid of 32
                assertThat(row.getDouble(3)).isEqualTo(30.0 / 32);
                assertThat(row.getDouble(4)).isEqualTo(f == 0 ? 0.75 + r : 0.5 + r);
                assertThat(row.getDouble(5)).isEqualTo(0.5 + 0.25 * 30 + r);
                assertThat(row.getLong(8)).isEqualTo(30);
            }
        }
    }

    @Test
    void nullWithoutAnImageAndWithoutValidPixels() {
        Row pinhole = spark.sql("SELECT depth_valid_fraction(`DepthImage:buffer`, `DepthImage:format`, `DepthImage:meter`), "
                + "depth_stats(`DepthImage:buffer`, `DepthImage:format`, `DepthImage:meter`) "
                + "FROM frames WHERE entity_path = '/world/camera'").first();
        assertThat(pinhole.isNullAt(0)).isTrue();
        assertThat(pinhole.isNullAt(1)).isTrue();
        Row zeros = spark.sql("SELECT depth_min_m(X'00000000', named_struct('width', 2, 'height', 1, "
                + "'channel_datatype', 'U16'), CAST(NULL AS FLOAT)), depth_valid_fraction(X'00000000', "
                + "named_struct('width', 2, 'height', 1, 'channel_datatype', 'U16'), CAST(NULL AS FLOAT))").first();
        assertThat(zeros.isNullAt(0)).isTrue();
        assertThat(zeros.getDouble(1)).isZero();
    }

    @Test
    void readmesJobIsThisFileAndFindsTheFramesBelowTheThreshold() throws Exception {
        String job = Files.readString(Path.of("src/test/java/example/LowValidDepth.java"));
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).as("README shows src/test/java/example/LowValidDepth.java as it is").contains(job);
        // camera frames with (f % 5) * 4 of 32 pixels zero: below 0.7 are f % 5 = 3, 4 (62.5 %, 50 %)
        List<String> found = new ArrayList<>();
        for (Row r : example.LowValidDepth.find(spark, dir + "/*.rrd", 0.7).collectAsList()) {
            found.add(r.getString(0) + " " + r.getString(1) + " " + r.getLong(2) + " " + r.getDouble(3));
        }
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < ROBOTS; r++) {
            for (int f = 0; f < FRAMES; f++) {
                double valid = (32.0 - (f % 5) * 4) / 32;
                if (valid < 0.7) {
                    expected.add(String.format("robot-%02d /world/camera/depth %d %s", r, f, valid));
                }
            }
        }
        assertThat(expected).hasSize(ROBOTS * 2);
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void aFleetThatNeverLoggedAMeterStillHasTheMeterColumn() throws Exception {
        Path file = dir.resolve("no-meter/cam.rrd");
        Files.createDirectories(file.getParent());
        try (io.github.rerun4j.sdk.RecordingStream rec = io.github.rerun4j.sdk.RecordingStream.builder("cam")
                .recordingId("no-meter").flushOnExit(false).saveTo(file)) {
            rec.setTimeSequence("frame", 7);
            rec.log("cam/depth", DepthImage.fromU16(new short[] {0, 0, 0, 1200}, 2, 2));
        }
        Row row = example.LowValidDepth.find(spark, file.toString(), 0.5).first();
        assertThat(row.getString(0)).isEqualTo("no-meter");
        assertThat(row.getLong(2)).isEqualTo(7);
        assertThat(row.getDouble(3)).isEqualTo(0.25);
        Row min = spark.read().format("rrd").load(file.toString()).select(RrdFunctions.call("depth_min_m")).first();
        assertThat(min.getDouble(0)).isEqualTo(1.2000000476837158);  // 1200 x f32(1 / 1000): the default meter
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void readmesJobRunsAsPrinted() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            example.LowValidDepth.main(new String[] {dir + "/*.rrd", "0.6"});
        } finally {
            System.setOut(original);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(ROBOTS)
                .allSatisfy(l -> assertThat(l).endsWith("/world/camera/depth frame 4: 50.0% valid"));
        assertThat(lines.get(0)).startsWith("robot-00 ");
    }
}
