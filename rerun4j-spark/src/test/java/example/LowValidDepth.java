package example;

import static org.apache.spark.sql.functions.col;

import io.github.rerun4j.spark.RrdFunctions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Across all recordings, the depth frames whose valid-depth fraction is below a threshold. */
public class LowValidDepth {

    /** Every depth frame of {@code recordings} with less than {@code threshold} of its pixels valid. */
    public static Dataset<Row> find(SparkSession spark, String recordings, double threshold) {
        RrdFunctions.register(spark);
        return spark.read().format("rrd").option("mode", "FAILFAST").load(recordings)
                .where(col("`DepthImage:buffer`").isNotNull())
                .select(col("recording_id"), col("entity_path"), col("frame"),
                        RrdFunctions.validFraction().as("valid_fraction"))
                .where(col("valid_fraction").lt(threshold))
                .orderBy("recording_id", "entity_path", "frame");
    }

    public static void main(String[] args) {
        String recordings = args.length > 0 ? args[0] : "recordings/*.rrd";
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        SparkSession spark = SparkSession.builder().appName("low-valid-depth").getOrCreate();
        Dataset<Row> frames = find(spark, recordings, threshold);
        for (Row r : frames.collectAsList()) {
            System.out.printf("%s %s frame %d: %.1f%% valid%n", r.getString(0), r.getString(1), r.getLong(2),
                    100 * r.getDouble(3));
        }
    }
}
