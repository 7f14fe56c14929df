import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.spark.RrdFunctions;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Run by ShadedJarIT in a JVM whose class path is Spark's plus the shaded jar only (as spark-submit --jars gives
 * it): writes three recordings (one LZ4-compressed) into args[0], reads them with format rrd, prints one line per
 * frame and where the relocated LZ4 classes came from.
 */
public class ShadedSmoke {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (int r = 0; r < 3; r++) {
            try (RecordingStream rec = RecordingStream.builder("smoke").recordingId("r" + r)
                    .saveTo(dir.resolve("r" + r + ".rrd"), r == 1)) {
                for (int f = 0; f < 4; f++) {
                    rec.setTimeSequence("frame", f);
                    short[] px = new short[16];
                    for (int i = 0; i < 16; i++) {
                        px[i] = (short) (i < f * 4 ? 0 : 1000 + i);
                    }
                    rec.log("cam/depth", DepthImage.fromU16(px, 4, 4));
                }
            }
        }
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        RrdFunctions.register(spark);
        List<Row> rows = spark.read().format("rrd").option("mode", "FAILFAST").load(dir + "/*.rrd").where("frame >= 1")
                .select(functions.col("recording_id"), functions.col("frame"), RrdFunctions.validFraction())
                .orderBy("recording_id", "frame").collectAsList();
        for (Row r : rows) {
            System.out.println("ROW " + r.getString(0) + " " + r.getLong(1) + " " + r.getDouble(2));
        }
        System.out.println("LZ4 " + Class.forName("io.github.rerun4j.shaded.lz4.lz4.LZ4Factory")
                .getProtectionDomain().getCodeSource().getLocation());
        spark.stop();
    }
}
