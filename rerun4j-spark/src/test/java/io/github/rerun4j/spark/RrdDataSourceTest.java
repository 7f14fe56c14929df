package io.github.rerun4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.internal.codec.Serializers;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.spark.internal.ComponentKind;
import io.github.rerun4j.spark.internal.ScanCounters;
import io.github.rerun4j.store.DataframeQuery;
import io.github.rerun4j.store.DataframeRow;
import io.github.rerun4j.store.Recording;
import io.github.rerun4j.store.Recordings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format rrd over a generated fleet: the store's rows, pushed-down filters, pruning, the timeline option. */
class RrdDataSourceTest {

    static final int ROBOTS = 4;
    static final int FRAMES = 8;

    @TempDir
    static Path dir;
    static List<Path> files;
    static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        files = Fleet.write(dir.resolve("fleet"), ROBOTS, FRAMES);
        spark = Sparks.local(RrdDataSourceTest.class);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Dataset<Row> fleet() {
        return spark.read().format("rrd").load(dir.resolve("fleet") + "/*.rrd");
    }

    /** The key of a row: recording, entity, row id, frame, and its depth cell as text. */
    static String key(String recordingId, String entity, String rowId, Long frame, byte[] buffer, String format,
                      Float meter) {
        return recordingId + "|" + entity + "|" + rowId + "|" + frame + "|"
                + (buffer == null ? "-" : HexFormat.of().formatHex(buffer)) + "|" + format + "|" + meter;
    }

    static String formatText(Row f) {
        return f == null ? null : f.getInt(0) + "x" + f.getInt(1) + " " + f.getString(2);
    }

    static String formatText(ImageFormat f) {
        return f == null ? null : f.width() + "x" + f.height() + " " + f.effectiveChannelDatatype().name();
    }

    static List<String> sparkKeys(Dataset<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows.select("recording_id", "entity_path", "row_id", "frame", "`" + RrdFunctions.BUFFER + "`", "`" + RrdFunctions.FORMAT + "`",
                "`" + RrdFunctions.METER + "`").collectAsList()) {
            out.add(key(r.getString(0), r.getString(1), r.getString(2), r.isNullAt(3) ? null : r.getLong(3),
                    r.isNullAt(4) ? null : (byte[]) r.get(4), formatText(r.isNullAt(5) ? null : r.getStruct(5)),
                    r.isNullAt(6) ? null : r.getFloat(6)));
        }
        return out;
    }

    /** The same keys from the store's own dataframe of each file (what {@code rerun4j dataframe} shows). */
    static List<String> storeKeys(List<Path> paths, Predicate<DataframeRow> keep) throws Exception {
        List<String> out = new ArrayList<>();
        for (Path p : paths) {
            for (Recording rec : Recordings.load(p).recordings()) {
                String timeline = rec.store().defaultTimeline().orElse(null);
                for (DataframeRow row : rec.store().dataframe(new DataframeQuery(timeline, null)).rows()) {
                    if (!keep.test(row)) {
                        continue;
                    }
                    ImageBuffer b = row.ref().read(ArchetypeCodec.DepthImageFields.BUFFER, Serializers.BLOB);
                    ImageFormat f = row.ref().read(ArchetypeCodec.DepthImageFields.FORMAT, Serializers.IMAGE_FORMAT);
                    Float meter = row.ref().read(ArchetypeCodec.DepthImageFields.METER, Serializers.FLOAT32);
                    Long frame = row.ref().chunk().timeline("frame").map(t -> t.time(row.ref().row())).orElse(null);
                    out.add(key(rec.id().recordingId(), row.entityPath(), row.rowId().toString(), frame,
                            b == null ? null : b.toByteArray(), formatText(f), meter));
                }
            }
        }
        return out;
    }

    @Test
    void rowsAreTheStoresDataframeRowsOfEveryFile() throws Exception {
        List<String> expected = storeKeys(files, r -> true);
        // per robot: the static Pinhole row, then two depth rows per frame
        assertThat(expected).hasSize(ROBOTS * (1 + 2 * FRAMES));
        assertThat(sparkKeys(fleet())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void schemaHasIdsTimelinesAndTypedComponents() {
        StructType schema = fleet().schema();
        assertThat(schema.fieldNames()).startsWith("recording_id", "application_id", "entity_path", "row_id")
                .contains("frame", "log_tick", "log_time", RrdFunctions.BUFFER, RrdFunctions.FORMAT, RrdFunctions.METER,
                        "Pinhole:image_from_camera")
                .doesNotContain("_corrupt_record_x");
        assertThat(schema.apply("frame").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(schema.apply("frame").metadata().getString("rerun.timeline_type")).isEqualTo("sequence");
        assertThat(schema.apply("log_time").metadata().getString("rerun.timeline_type")).isEqualTo("timestamp");
        assertThat(schema.apply(RrdFunctions.BUFFER).dataType()).isEqualTo(DataTypes.BinaryType);
        assertThat(schema.apply(RrdFunctions.FORMAT).dataType()).isEqualTo(ComponentKind.FORMAT_TYPE);
        assertThat(schema.apply(RrdFunctions.METER).dataType()).isEqualTo(DataTypes.FloatType);
        assertThat(schema.apply("Pinhole:image_from_camera").dataType()).isEqualTo(DataTypes.StringType);
        // PERMISSIVE is the default: the corrupt-record column is there, null on every good row
        assertThat(schema.fieldNames()).contains("_corrupt_record");
        assertThat(fleet().where("_corrupt_record IS NOT NULL").count()).isZero();
        Row appIds = fleet().selectExpr("min(application_id)", "max(application_id)").first();
        assertThat(appIds.getString(0)).isEqualTo("fleet").isEqualTo(appIds.getString(1));
    }

    @Test
    void pushedFiltersGiveWhatTheSameFilterAfterTheScanGivesAndSkipChunks() throws Exception {
        Dataset<Row> all = fleet();
        String condition = "entity_path LIKE '/world/camera%' AND frame >= 3 AND frame <= 5";
        long decoded = ScanCounters.chunksDecoded();
        long skipped = ScanCounters.chunksSkipped();
        Dataset<Row> pushed = all.where(condition);
        List<String> pushedKeys = sparkKeys(pushed);
        long decodedByFilter = ScanCounters.chunksDecoded() - decoded;
        long skippedByFilter = ScanCounters.chunksSkipped() - skipped;

        List<String> after = storeKeys(files, r -> r.entityPath().startsWith("/world/camera")
                && r.ref().chunk().timeline("frame").map(t -> {
                    long f = t.time(r.ref().row());
                    return f >= 3 && f <= 5;
                }).orElse(false));
        assertThat(after).hasSize(ROBOTS * 3);
        assertThat(pushedKeys).containsExactlyInAnyOrderElementsOf(after);
        // Spark's own filter over the unfiltered scan agrees
        List<String> sparkAfter = sparkKeys(all.localCheckpoint().where(condition));
        assertThat(pushedKeys).containsExactlyInAnyOrderElementsOf(sparkAfter);

        // Each file has 1 + 2 x 8 chunks; only the camera's frames 3..5 are decoded.
        assertThat(decodedByFilter).isEqualTo(ROBOTS * 3L);
        assertThat(skippedByFilter).isEqualTo(ROBOTS * (1 + 2L * FRAMES - 3));
        // the same counts as the scan's metrics in Spark's plan (and UI)
        Dataset<Row> counted = all.where(condition);
        assertThat(counted.collectAsList()).hasSize(ROBOTS * 3);
        assertThat(scanMetric(counted, "chunksDecoded")).isEqualTo(decodedByFilter);
        assertThat(scanMetric(counted, "chunksSkipped")).isEqualTo(skippedByFilter);
        assertThat(scanMetric(counted, "problems")).isZero();
        String plan = pushed.queryExecution().executedPlan().toString();
        assertThat(plan).contains("StringStartsWith(entity_path,/world/camera)").contains("GreaterThanOrEqual(frame,3)");
    }

    @Test
    void everyFilterGivesWhatSparksOwnFilterGivesOverTheWholeScan() {
        Dataset<Row> materialised = fleet().localCheckpoint();  // a plain relation: Spark filters it itself
        List<String> conditions = List.of(
                "entity_path = '/world/camera'", "entity_path LIKE '/world/%'", "entity_path LIKE '/world/l%'",
                "entity_path IN ('/world/lidar/depth', '/nope')", "entity_path > '/world/camera'",
                "entity_path LIKE '/world'", "frame < 2", "frame > 6", "frame = 7", "frame >= 3 AND frame < 3",
                "frame <= 0", "frame > -1", "frame IS NOT NULL", "frame IS NULL", "frame IN (1, 3)", "NOT (frame < 4)",
                "log_tick >= 5 AND entity_path LIKE '/world/camera%'", "log_time > 0 AND frame < 1",
                "recording_id = 'robot-01' AND frame BETWEEN 2 AND 4", "application_id = 'other'",
                "recording_id IN ('robot-00', 'robot-03') AND entity_path = '/world/lidar/depth'",
                "frame < 2 OR entity_path = '/world/camera'", "recording_id IS NOT NULL AND frame = 9");
        for (String condition : conditions) {
            List<String> pushed = fleet().where(condition).select("row_id").as(org.apache.spark.sql.Encoders.STRING())
                    .collectAsList();
            List<String> after = materialised.where(condition).select("row_id").as(org.apache.spark.sql.Encoders.STRING())
                    .collectAsList();
            assertThat(pushed).as(condition).containsExactlyInAnyOrderElementsOf(after);
        }
    }

    @Test
    void filtersTheScanDoesNotTakeAreLeftToSpark() throws Exception {
        Dataset<Row> rows = fleet().where("frame % 3 = 1 AND `DepthImage:buffer` IS NOT NULL AND entity_path = '/world/lidar/depth'");
        List<String> expected = storeKeys(files, r -> r.entityPath().equals("/world/lidar/depth")
                && r.ref().chunk().timeline("frame").map(t -> t.time(r.ref().row()) % 3 == 1).orElse(false));
        assertThat(expected).hasSize(ROBOTS * 3);  // frames 1, 4, 7
        assertThat(sparkKeys(rows)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void recordingFiltersReadOnlyTheirFiles() {
        long decoded = ScanCounters.chunksDecoded();
        long skipped = ScanCounters.chunksSkipped();
        Dataset<Row> one = fleet().where("recording_id = 'robot-02'");
        assertThat(one.count()).isEqualTo(1 + 2 * FRAMES);
        assertThat(ScanCounters.chunksDecoded() - decoded).isEqualTo(1 + 2L * FRAMES);
        assertThat(ScanCounters.chunksSkipped() - skipped).isZero();  // the other files were never opened
        assertThat(fleet().where("recording_id IN ('robot-01', 'robot-03')").count()).isEqualTo(2 * (1 + 2 * FRAMES));
    }

    @Test
    void bigFilesAreSplitBetweenChunksAndGiveTheSameRows() throws Exception {
        Dataset<Row> split = spark.read().format("rrd").option("maxPartitionBytes", "1").load(dir.resolve("fleet").toString());
        // every chunk its own split: 1 + 2 x 8 per file
        assertThat(split.rdd().getNumPartitions()).isEqualTo(ROBOTS * (1 + 2 * FRAMES));
        assertThat(fleet().rdd().getNumPartitions()).isEqualTo(ROBOTS);
        assertThat(sparkKeys(split)).containsExactlyInAnyOrderElementsOf(storeKeys(files, r -> true));
        long decoded = ScanCounters.chunksDecoded();
        assertThat(split.where("frame = 4").count()).isEqualTo(ROBOTS * 2);
        assertThat(ScanCounters.chunksDecoded() - decoded).isEqualTo(ROBOTS * 2L);  // each chunk decoded once
        long third = java.nio.file.Files.size(files.get(0)) / 3;
        Dataset<Row> pairs = spark.read().format("rrd").option("maxPartitionBytes", Long.toString(third))
                .load(dir.resolve("fleet").toString());
        assertThat(pairs.rdd().getNumPartitions()).isBetween(ROBOTS + 1, ROBOTS * (1 + 2 * FRAMES) - 1);
        assertThat(sparkKeys(pairs)).containsExactlyInAnyOrderElementsOf(storeKeys(files, r -> true));
    }

    @Test
    void anLz4FileStaysOneSplit() throws Exception {
        Path lz4 = dir.resolve("lz4/robot.rrd");
        java.nio.file.Files.createDirectories(lz4.getParent());
        try (io.github.rerun4j.sdk.RecordingStream rec = io.github.rerun4j.sdk.RecordingStream.builder("fleet")
                .recordingId("lz4").flushOnExit(false).saveTo(lz4, true)) {
            for (int f = 0; f < 4; f++) {
                rec.setTimeSequence("frame", f);
                rec.log("world/camera/depth", io.github.rerun4j.sdk.archetypes.DepthImage.fromU16(
                        Fleet.camera(0, f), Fleet.WIDTH, Fleet.HEIGHT));
                rec.flush();
            }
        }
        Dataset<Row> rows = spark.read().format("rrd").option("maxPartitionBytes", "1").load(lz4.toString());
        assertThat(rows.rdd().getNumPartitions()).isEqualTo(1);  // each split would decompress every payload
        assertThat(rows.count()).isEqualTo(4);
        assertThat(sparkKeys(rows)).containsExactlyInAnyOrderElementsOf(storeKeys(List.of(lz4), r -> true));
    }

    @Test
    void onlyTheRequiredColumnsAreRead() {
        Dataset<Row> pruned = fleet().select("entity_path", "frame").where("frame = 2");
        StructType scanned = scanSchema(pruned);
        assertThat(scanned.fieldNames()).containsExactlyInAnyOrder("entity_path", "frame");
        assertThat(pruned.collectAsList()).hasSize(ROBOTS * 2)
                .allSatisfy(r -> assertThat(r.getLong(1)).isEqualTo(2));
    }

    /** A metric of the query's (executed) scan. */
    static long scanMetric(Dataset<Row> query, String name) {
        List<Long> values = new ArrayList<>();
        query.queryExecution().executedPlan().foreach(node -> {
            if (node instanceof org.apache.spark.sql.execution.datasources.v2.BatchScanExec scan) {
                values.add(scan.metrics().apply(name).value());
            }
            return scala.runtime.BoxedUnit.UNIT;
        });
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    /** The read schema of the query's scan (what the reader was asked to produce). */
    static StructType scanSchema(Dataset<Row> query) {
        List<StructType> schemas = new ArrayList<>();
        query.queryExecution().executedPlan().foreach(node -> {
            if (node instanceof org.apache.spark.sql.execution.datasources.v2.BatchScanExec scan) {
                schemas.add(scan.scan().readSchema());
            }
            return scala.runtime.BoxedUnit.UNIT;
        });
        assertThat(schemas).hasSize(1);
        return schemas.get(0);
    }

    @Test
    void theTimelineOptionPicksTheTable() throws Exception {
        Dataset<Row> byTick = spark.read().format("rrd").option("timeline", "log_tick").load(dir.resolve("fleet").toString());
        // every row has a tick, and the static rows are there too
        assertThat(byTick.count()).isEqualTo(ROBOTS * (1 + 2 * FRAMES));
        assertThat(byTick.where("log_tick IS NULL").count()).isEqualTo(ROBOTS);
        assertThatThrownBy(() -> spark.read().format("rrd").option("timeline", "nope").load(dir.resolve("fleet").toString()))
                .hasMessageContaining("no timeline nope in the 4 files; timelines: frame, log_tick, log_time");
    }

    @Test
    void aPathWithoutRecordingsIsRefusedByName() {
        assertThatThrownBy(() -> spark.read().format("rrd").load(dir.resolve("nothing") + "/*.rrd"))
                .hasMessageContaining("nothing/*.rrd: no .rrd file there");
        assertThatThrownBy(() -> spark.read().format("rrd").option("mode", "LENIENT").load(dir.resolve("fleet").toString()))
                .hasMessageContaining("option mode: got \"LENIENT\", expected FAILFAST, PERMISSIVE or DROPMALFORMED");
    }

    @Test
    void theSameRowsComeFromTwoPathsAndDuplicatesCountOnce() {
        Dataset<Row> two = spark.read().format("rrd").load(files.get(0).toString(), files.get(1).toString(),
                files.get(1).toString());
        assertThat(two.count()).isEqualTo(2 * (1 + 2 * FRAMES));
        assertThat(Arrays.asList((Object[]) two.select("recording_id").distinct().as(
                org.apache.spark.sql.Encoders.STRING()).collect())).containsExactlyInAnyOrder("robot-00", "robot-01");
    }
}
