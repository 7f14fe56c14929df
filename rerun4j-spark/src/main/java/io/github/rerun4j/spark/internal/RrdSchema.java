package io.github.rerun4j.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a scan: {@code recording_id}, {@code application_id}, {@code entity_path}, {@code row_id}, one
 * {@code bigint} per timeline (its raw value: sequence number, or nanoseconds since the epoch or of duration; null
 * where the row has no time on it, static rows included), one per component (named by its identifier, e.g.
 * {@code DepthImage:buffer}, typed by {@link ComponentKind}), and in PERMISSIVE mode the corrupt-record column.
 *
 * @param timelines     timeline names, sorted, with their type ({@code sequence}, {@code timestamp}, {@code duration};
 *                      {@code mixed} when files disagree)
 * @param components    component identifiers, sorted, with their kind
 * @param corruptColumn the corrupt-record column's name, or null when there is none
 */
public record RrdSchema(Map<String, String> timelines, Map<String, ComponentKind> components, String corruptColumn)
        implements Serializable {

    public static final String RECORDING_ID = "recording_id";
    public static final String APPLICATION_ID = "application_id";
    public static final String ENTITY_PATH = "entity_path";
    public static final String ROW_ID = "row_id";
    /** The columns every scan has, in order. */
    public static final List<String> FIXED = List.of(RECORDING_ID, APPLICATION_ID, ENTITY_PATH, ROW_ID);

    public RrdSchema {
        timelines = new LinkedHashMap<>(timelines);
        components = new LinkedHashMap<>(components);
        List<String> names = new ArrayList<>(FIXED);
        for (String name : timelines.keySet()) {
            if (names.contains(name) || components.containsKey(name) || name.equals(corruptColumn)) {
                throw new IllegalArgumentException("timeline " + name + " has the name of another column of the table; "
                        + "expected timeline names other than " + FIXED + ", the component identifiers and " + corruptColumn);
            }
            names.add(name);
        }
        if (corruptColumn != null && components.containsKey(corruptColumn)) {
            throw new IllegalArgumentException("option columnNameOfCorruptRecord: " + corruptColumn
                    + " is the name of a component; expected another name");
        }
    }

    /** The Spark schema; timeline columns carry their type as metadata {@code rerun.timeline_type}. */
    public StructType sparkType() {
        List<StructField> fields = new ArrayList<>();
        fields.add(new StructField(RECORDING_ID, DataTypes.StringType, true, Metadata.empty()));
        fields.add(new StructField(APPLICATION_ID, DataTypes.StringType, true, Metadata.empty()));
        fields.add(new StructField(ENTITY_PATH, DataTypes.StringType, true, Metadata.empty()));
        fields.add(new StructField(ROW_ID, DataTypes.StringType, true, Metadata.empty()));
        timelines.forEach((name, type) -> fields.add(new StructField(name, DataTypes.LongType, true,
                new MetadataBuilder().putString("rerun.timeline_type", type).build())));
        components.forEach((name, kind) -> fields.add(new StructField(name, kind.sparkType(), true, Metadata.empty())));
        if (corruptColumn != null) {
            fields.add(new StructField(corruptColumn, DataTypes.StringType, true, Metadata.empty()));
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** True if {@code name} is a timeline column. */
    public boolean isTimeline(String name) {
        return timelines.containsKey(Objects.requireNonNull(name));
    }
}
