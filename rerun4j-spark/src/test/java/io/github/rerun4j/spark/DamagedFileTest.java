package io.github.rerun4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.spark.internal.ScanCounters;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet with one file damaged in the middle, read in the three modes: never a silently short result. */
class DamagedFileTest {

    static final int ROBOTS = 3;
    static final int FRAMES = 6;

    @TempDir
    static Path dir;
    static List<Path> files;
    static Path damaged;
    static long damageAt;
    static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        files = Fleet.write(dir, ROBOTS, FRAMES);
        damaged = files.get(1);
        List<RrdRecord> chunks = new ArrayList<>();
        for (RrdRecord r : RrdReader.readAll(damaged)) {
            if (r.message() instanceof RrdMessage.ArrowMsg) {
                chunks.add(r);
            }
        }
        // The header of the 8th of 13 chunk messages: an unknown message kind, so framing is lost from there on.
        damageAt = chunks.get(7).offset();
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            f.seek(damageAt);
            f.write(new byte[] {99, 0, 0, 0, 0, 0, 0, 0});
        }
        spark = Sparks.local(DamagedFileTest.class);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Dataset<Row> read(String mode) {
        return spark.read().format("rrd").option("mode", mode).load(dir + "/*.rrd");
    }

    @Test
    void permissiveGivesEveryReadableRowAndOneRowNamingTheDamage() throws Exception {
        Dataset<Row> rows = read("PERMISSIVE");
        List<String> good = RrdDataSourceTest.storeKeys(files, r -> true);
        // the damaged file: the static row and the 6 depth rows of frames 0..2, before the damage
        assertThat(good).hasSize(2 * (1 + 2 * FRAMES) + 1 + 6);
        assertThat(RrdDataSourceTest.sparkKeys(rows.where("_corrupt_record IS NULL")))
                .containsExactlyInAnyOrderElementsOf(good);
        List<Row> corrupt = rows.where("_corrupt_record IS NOT NULL")
                .select("recording_id", "entity_path", "frame", "_corrupt_record").collectAsList();
        assertThat(corrupt).hasSize(1);
        assertThat(corrupt.get(0).getString(0)).isEqualTo("robot-01");
        assertThat(corrupt.get(0).isNullAt(1)).isTrue();
        assertThat(corrupt.get(0).isNullAt(2)).isTrue();
        assertThat(corrupt.get(0).getString(3))
                .startsWith(damaged + " at byte " + damageAt + ": ")
                .contains("unknown kind 99")
                .endsWith("(reading ended here: nothing after this byte was read)");
    }

    @Test
    void splitFilesReportTheDamageOnceAndGiveTheSameRows() throws Exception {
        Dataset<Row> rows = spark.read().format("rrd").option("maxPartitionBytes", "1").load(dir + "/*.rrd");
        assertThat(rows.rdd().getNumPartitions()).isGreaterThan(ROBOTS * FRAMES);
        assertThat(RrdDataSourceTest.sparkKeys(rows.where("_corrupt_record IS NULL")))
                .containsExactlyInAnyOrderElementsOf(RrdDataSourceTest.storeKeys(files, r -> true));
        assertThat(rows.where("_corrupt_record IS NOT NULL").select("_corrupt_record").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .singleElement().asString().startsWith(damaged + " at byte " + damageAt + ": ");
    }

    @Test
    void dropMalformedGivesTheReadableRowsAndCountsTheProblem() throws Exception {
        Dataset<Row> rows = read("DROPMALFORMED");
        rows.collectAsList();
        assertThat(RrdDataSourceTest.scanMetric(rows, "problems")).isEqualTo(1);
        assertThat(rows.schema().fieldNames()).doesNotContain("_corrupt_record");
        long problems = ScanCounters.problems();
        assertThat(RrdDataSourceTest.sparkKeys(rows))
                .containsExactlyInAnyOrderElementsOf(RrdDataSourceTest.storeKeys(files, r -> true));
        assertThat(ScanCounters.problems() - problems).isEqualTo(1);
    }

    @Test
    void aFileThatIsNoRecordingAtAllIsReportedNotIgnored() throws Exception {
        Path notes = dir.resolve("garbage/notes.rrd");
        java.nio.file.Files.createDirectories(notes.getParent());
        java.nio.file.Files.writeString(notes, "not a recording, just some notes\n");
        List<Row> rows = spark.read().format("rrd").load(notes.toString()).collectAsList();
        assertThat(rows).hasSize(1);
        Row row = rows.get(0);
        assertThat(row.getString(row.fieldIndex("_corrupt_record"))).startsWith(notes + " at byte 0: ");
        assertThat(row.isNullAt(row.fieldIndex("entity_path"))).isTrue();
        assertThatThrownBy(() -> spark.read().format("rrd").option("mode", "FAILFAST").load(notes.toString()).count())
                .hasMessageContaining("format rrd, mode FAILFAST: " + notes + " at byte 0: ");
    }

    @Test
    void failFastFailsNamingFileByteAndReason() {
        assertThatThrownBy(() -> read("FAILFAST").count())
                .hasMessageContaining("format rrd, mode FAILFAST: " + damaged + " at byte " + damageAt + ": ")
                .hasMessageContaining("unknown kind 99");
        // the good files alone read fine in FAILFAST
        assertThat(spark.read().format("rrd").option("mode", "failfast")
                .load(files.get(0).toString(), files.get(2).toString()).count()).isEqualTo(2 * (1 + 2 * FRAMES));
    }
}
