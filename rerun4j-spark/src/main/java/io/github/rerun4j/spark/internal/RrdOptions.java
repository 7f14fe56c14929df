package io.github.rerun4j.spark.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The read options of format {@code rrd}: {@code path}/{@code paths} (files, directories or globs),
 * {@code timeline} (the table's timeline; default: the one Rerun opens on, per recording), {@code mode}
 * ({@link ReadMode}), {@code columnNameOfCorruptRecord} (PERMISSIVE's column, default {@code _corrupt_record}) and
 * {@code maxPartitionBytes} (a bigger file is split between chunks; default 128 MiB, as Spark's file sources).
 *
 * @param paths         what {@code load(...)} was given, in order
 * @param timeline      the requested timeline, or null for each recording's default
 * @param mode          what damage does
 * @param corruptColumn the name of the corrupt-record column (present in PERMISSIVE mode only)
 * @param maxPartitionBytes the most chunk payload bytes of one split, {@code > 0}
 */
public record RrdOptions(List<String> paths, String timeline, ReadMode mode, String corruptColumn, long maxPartitionBytes)
        implements Serializable {

    /** The default {@code maxPartitionBytes}: 128 MiB. */
    public static final long DEFAULT_MAX_PARTITION_BYTES = 128L << 20;

    /** The default name of PERMISSIVE's corrupt-record column, as Spark's file sources name theirs. */
    public static final String DEFAULT_CORRUPT_COLUMN = "_corrupt_record";

    public RrdOptions {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("format rrd: no path given; expected load(\"recordings/*.rrd\") or option path");
        }
        if (timeline != null && timeline.isBlank()) {
            throw new IllegalArgumentException("option timeline: got \"" + timeline + "\", expected a timeline name");
        }
        Objects.requireNonNull(mode, "mode");
        if (corruptColumn == null || corruptColumn.isBlank()) {
            throw new IllegalArgumentException("option columnNameOfCorruptRecord: got \"" + corruptColumn
                    + "\", expected a column name");
        }
        if (maxPartitionBytes <= 0) {
            throw new IllegalArgumentException("option maxPartitionBytes: got " + maxPartitionBytes
                    + ", expected a positive number of bytes");
        }
    }

    /** Reads the options Spark passes (keys case-insensitive, as Spark's map gives them). */
    public static RrdOptions parse(Map<String, String> options) {
        List<String> paths = new ArrayList<>();
        String single = get(options, "path");
        if (single != null) {
            paths.add(single);
        }
        String many = get(options, "paths");
        if (many != null) {
            try {
                paths.addAll(new ObjectMapper().readValue(many, new TypeReference<List<String>>() { }));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("option paths: got " + many + ", expected a JSON array of strings", e);
            }
        }
        String corrupt = get(options, "columnNameOfCorruptRecord");
        String max = get(options, "maxPartitionBytes");
        long maxBytes;
        try {
            maxBytes = max == null ? DEFAULT_MAX_PARTITION_BYTES : Long.parseLong(max.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option maxPartitionBytes: got \"" + max
                    + "\", expected a positive number of bytes");
        }
        return new RrdOptions(paths, get(options, "timeline"), ReadMode.parse(get(options, "mode")),
                corrupt == null ? DEFAULT_CORRUPT_COLUMN : corrupt, maxBytes);
    }

    private static String get(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
