package io.github.rerun4j.spark;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Depth functions for SQL and DataFrames, computed on the executors by {@link DepthStats} (the viewer's
 * semantics: metres through the effective meter, invalid = zero, negative or non-finite). Each takes the three
 * columns of a depth image as format {@code rrd} gives them: the buffer ({@code binary}), the format
 * ({@code struct<width, height, channel_datatype, ...>}) and the meter ({@code float}, null for the datatype's
 * default: 1000 for integer, 1 for float images); a null buffer or format gives null.
 *
 * <ul>
 *   <li>{@code depth_valid_fraction(buffer, format, meter)}: valid pixels / pixels ({@code double});</li>
 *   <li>{@code depth_min_m}, {@code depth_max_m}, {@code depth_mean_m}, {@code depth_median_m}: over the valid
 *       pixels, in metres ({@code double}, null when no pixel is valid);</li>
 *   <li>{@code depth_stats}: all of them as one struct ({@link #STATS_TYPE}), one pass over the pixels.</li>
 * </ul>
 *
 * <pre>{@code
 * RrdFunctions.register(spark);
 * spark.read().format("rrd").load("recordings/*.rrd").createOrReplaceTempView("frames");
 * spark.sql("SELECT recording_id, frame, depth_valid_fraction(`DepthImage:buffer`, `DepthImage:format`, "
 *         + "`DepthImage:meter`) AS valid FROM frames WHERE `DepthImage:buffer` IS NOT NULL").show();
 * }</pre>
 */
public final class RrdFunctions {

    /** The depth buffer column of format {@code rrd}: {@code DepthImage:buffer}. */
    public static final String BUFFER = "DepthImage:buffer";
    /** The depth format column: {@code DepthImage:format}. */
    public static final String FORMAT = "DepthImage:format";
    /** The depth meter column: {@code DepthImage:meter}. */
    public static final String METER = "DepthImage:meter";

    /** What {@code depth_stats} returns. */
    public static final StructType STATS_TYPE = new StructType(new StructField[] {
        new StructField("pixels", DataTypes.LongType, false, Metadata.empty()),
        new StructField("valid_pixels", DataTypes.LongType, false, Metadata.empty()),
        new StructField("valid_fraction", DataTypes.DoubleType, false, Metadata.empty()),
        new StructField("min_m", DataTypes.DoubleType, true, Metadata.empty()),
        new StructField("max_m", DataTypes.DoubleType, true, Metadata.empty()),
        new StructField("mean_m", DataTypes.DoubleType, true, Metadata.empty()),
        new StructField("median_m", DataTypes.DoubleType, true, Metadata.empty()),
    });

    private RrdFunctions() {
    }

    /** Registers the functions in {@code spark}'s session (again is harmless). */
    public static void register(SparkSession spark) {
        registerDouble(spark, "depth_valid_fraction", DepthStats::validFraction, false);
        registerDouble(spark, "depth_min_m", DepthStats::minM, true);
        registerDouble(spark, "depth_max_m", DepthStats::maxM, true);
        registerDouble(spark, "depth_mean_m", DepthStats::meanM, true);
        registerDouble(spark, "depth_median_m", DepthStats::medianM, true);
        spark.udf().register("depth_stats", (UDF3<byte[], Row, Float, Row>) (buffer, format, meter) -> {
            DepthStats s = stats(buffer, format, meter);
            if (s == null) {
                return null;
            }
            return RowFactory.create(s.pixels(), s.validPixels(), s.validFraction(), orNull(s, s.minM()),
                    orNull(s, s.maxM()), orNull(s, s.meanM()), orNull(s, s.medianM()));
        }, STATS_TYPE);
    }

    /** {@code depth_valid_fraction} of format {@code rrd}'s depth columns; needs {@link #register}. */
    public static Column validFraction() {
        return call("depth_valid_fraction");
    }

    /** {@code depth_stats} of format {@code rrd}'s depth columns; needs {@link #register}. */
    public static Column stats() {
        return call("depth_stats");
    }

    /** One of the registered functions ({@code depth_min_m}, ...) of format {@code rrd}'s depth columns. */
    public static Column call(String function) {
        return functions.call_function(function, functions.col("`" + BUFFER + "`"), functions.col("`" + FORMAT + "`"),
                functions.col("`" + METER + "`"));
    }

    /**
     * The statistics of one frame given as the three columns' values (the functions' own code, callable without
     * Spark); null when buffer or format is null.
     *
     * @throws IllegalArgumentException if the format names an unknown channel datatype or does not fit the buffer
     */
    public static DepthStats stats(byte[] buffer, Row format, Float meter) {
        if (buffer == null || format == null) {
            return null;
        }
        String datatype = format.getAs("channel_datatype");
        ChannelDatatype dt;
        try {
            dt = datatype == null ? ChannelDatatype.U8 : ChannelDatatype.valueOf(datatype.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("depth format channel_datatype: got \"" + datatype
                    + "\", expected one of U8, I8, U16, I16, U32, I32, U64, I64, F16, F32, F64", e);
        }
        int width = format.<Integer>getAs("width");
        int height = format.<Integer>getAs("height");
        DepthImage image = DepthImage.of(ImageBuffer.referencing(ByteBuffer.wrap(buffer).asReadOnlyBuffer()),
                ImageFormat.depth(width, height, dt));
        if (meter != null) {
            image = image.withMeter(meter);
        }
        return DepthStats.of(image);
    }

    private static void registerDouble(SparkSession spark, String name, StatsField field,
                                       boolean nullWhenNoneValid) {
        spark.udf().register(name, (UDF3<byte[], Row, Float, Double>) (buffer, format, meter) -> {
            DepthStats s = stats(buffer, format, meter);
            if (s == null || (nullWhenNoneValid && !s.anyValid())) {
                return null;
            }
            return field.applyAsDouble(s);
        }, DataTypes.DoubleType);
    }

    /** A field of the statistics; serializable, since the functions travel to the executors. */
    private interface StatsField extends ToDoubleFunction<DepthStats>, java.io.Serializable {
    }

    private static Double orNull(DepthStats s, double v) {
        return s.anyValid() ? v : null;
    }
}
