package io.github.rerun4j.spark;

import io.github.rerun4j.spark.internal.RrdOptions;
import io.github.rerun4j.spark.internal.RrdTable;
import io.github.rerun4j.spark.internal.ScanPlan;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Spark's data source {@code rrd}: the dataframe rows of many {@code .rrd} files (the rows
 * {@code rerun4j dataframe} shows for each of them, every recording of every file), one split per file.
 *
 * <p>Columns: {@code recording_id}, {@code application_id}, {@code entity_path}, {@code row_id}; one
 * {@code bigint} per timeline of any file (the raw value: sequence number, or nanoseconds; null for static rows and
 * rows without it); one per component, named by its identifier ({@code DepthImage:buffer} is {@code binary},
 * {@code DepthImage:format} a {@code struct<width, height, channel_datatype, color_model, pixel_format>},
 * {@code DepthImage:meter} a {@code float} (present whenever depth images are, null where no meter was logged), ...,
 * the others the dataframe view's text); in PERMISSIVE mode
 * {@code _corrupt_record}.
 *
 * <p>Options: {@code timeline} (the table's timeline; default: each recording's, as Rerun picks it), {@code mode}
 * ({@code PERMISSIVE} (default): every readable row plus one row per problem, its {@code _corrupt_record} naming
 * file, byte and reason, and a logged warning; {@code DROPMALFORMED}: readable rows and the warning;
 * {@code FAILFAST}: the first problem fails the job), {@code columnNameOfCorruptRecord}, {@code maxPartitionBytes}
 * (default 128 MiB: a bigger file is split between chunks, by its footer; LZ4-compressed files stay whole).
 *
 * <pre>{@code
 * Dataset<Row> rows = spark.read().format("rrd").option("mode", "FAILFAST").load("recordings/*.rrd");
 * rows.where("entity_path LIKE '/world/%' AND frame >= 10").select("recording_id", "frame").show();
 * }</pre>
 */
public final class RrdDataSource implements TableProvider, DataSourceRegister {

    /** The short name, {@code rrd}. */
    public static final String SHORT_NAME = "rrd";

    private Map<String, String> plannedFor;
    private ScanPlan plan;

    /** Spark creates the source; users name it by {@link #SHORT_NAME}. */
    public RrdDataSource() {
    }

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return plan(options.asCaseSensitiveMap()).schema().sparkType();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new RrdTable(plan(properties));
    }

    /** The files read once per {@code load(...)}: inferSchema and getTable share the plan. */
    private synchronized ScanPlan plan(Map<String, String> options) {
        Map<String, String> key = new HashMap<>(options);
        if (plan == null || !key.equals(plannedFor)) {
            plan = ScanPlan.infer(RrdOptions.parse(key));
            plannedFor = key;
        }
        return plan;
    }
}
