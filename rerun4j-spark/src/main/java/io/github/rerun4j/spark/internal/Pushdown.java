package io.github.rerun4j.spark.internal;

import io.github.rerun4j.sdk.rrd.RrdManifest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.StringStartsWith;

/**
 * The filters a scan applies itself, exactly as Spark would (a null value fails every one of them):
 * on {@code entity_path}, {@code recording_id} and {@code application_id} equality, {@code IN} and (entity path)
 * prefix ({@code LIKE 'x%'}, {@code startsWith}); on a timeline column the comparisons {@code = < <= > >=} with an
 * integer; {@code IS NOT NULL} on any of these. Each accepted filter is applied to every row, so Spark does not
 * evaluate it again; before that, a chunk whose entity path or time range (from the file's footer) cannot match is
 * not decoded at all, and a recording whose ids cannot match is not read. Anything else is left to Spark.
 *
 * @param entity     the entity path must pass each of these
 * @param recording  the recording id must pass each
 * @param application the application id must pass each
 * @param times      per timeline, the inclusive range its value must lie in (a value is required)
 * @param accepted   the filters taken, as Spark gave them (for {@code pushedFilters})
 */
public record Pushdown(List<StringTest> entity, List<StringTest> recording, List<StringTest> application,
                       Map<String, long[]> times, List<Filter> accepted) implements Serializable {

    /** Nothing pushed. */
    public static final Pushdown NONE = new Pushdown(List.of(), List.of(), List.of(), Map.of(), List.of());

    /** A test of a string column; null values fail. */
    public record StringTest(String equalTo, String prefix, Set<String> in, boolean notNullOnly) implements Serializable {
        boolean test(String value) {
            if (value == null) {
                return false;
            }
            if (equalTo != null) {
                return value.equals(equalTo);
            }
            if (prefix != null) {
                return value.startsWith(prefix);
            }
            if (in != null) {
                return in.contains(value);
            }
            return true;
        }
    }

    /** Takes what it can of {@code filters}; returns the pushdown and, in {@code rest}, the filters left to Spark. */
    public static Pushdown of(Filter[] filters, RrdSchema schema, List<Filter> rest) {
        List<StringTest> entity = new ArrayList<>();
        List<StringTest> recording = new ArrayList<>();
        List<StringTest> application = new ArrayList<>();
        Map<String, long[]> times = new LinkedHashMap<>();
        List<Filter> accepted = new ArrayList<>();
        for (Filter f : filters) {
            String column = column(f);
            List<StringTest> strings = column == null ? null : switch (column) {
                case RrdSchema.ENTITY_PATH -> entity;
                case RrdSchema.RECORDING_ID -> recording;
                case RrdSchema.APPLICATION_ID -> application;
                default -> null;
            };
            boolean taken = false;
            if (strings != null) {
                StringTest t = stringTest(f, column.equals(RrdSchema.ENTITY_PATH));
                if (t != null) {
                    strings.add(t);
                    taken = true;
                }
            } else if (column != null && schema.isTimeline(column)) {
                long[] range = timeRange(f);
                if (range != null) {
                    times.merge(column, range, (a, b) -> new long[] {Math.max(a[0], b[0]), Math.min(a[1], b[1])});
                    taken = true;
                }
            }
            if (taken) {
                accepted.add(f);
            } else {
                rest.add(f);
            }
        }
        return new Pushdown(entity, recording, application, times, accepted);
    }

    private static String column(Filter f) {
        String[] refs = f.references();
        return refs.length == 1 ? refs[0] : null;
    }

    private static StringTest stringTest(Filter f, boolean prefixAllowed) {
        if (f instanceof EqualTo e && e.value() instanceof String s) {
            return new StringTest(s, null, null, false);
        }
        if (prefixAllowed && f instanceof StringStartsWith p) {
            return new StringTest(null, p.value(), null, false);
        }
        if (f instanceof In in) {
            Set<String> values = new java.util.HashSet<>();
            for (Object v : in.values()) {
                if (!(v instanceof String s)) {
                    return null;  // a null in the list (or another type): Spark's three-valued logic, left to Spark
                }
                values.add(s);
            }
            return new StringTest(null, null, Set.copyOf(values), false);
        }
        if (f instanceof IsNotNull) {
            return new StringTest(null, null, null, true);
        }
        return null;
    }

    /** The inclusive range a comparison allows; {@code [1, 0]} when none; null if it is not one this scan takes. */
    private static long[] timeRange(Filter f) {
        if (f instanceof IsNotNull) {
            return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
        Object value;
        if (f instanceof EqualTo e) {
            value = e.value();
        } else if (f instanceof GreaterThan g) {
            value = g.value();
        } else if (f instanceof GreaterThanOrEqual g) {
            value = g.value();
        } else if (f instanceof LessThan l) {
            value = l.value();
        } else if (f instanceof LessThanOrEqual l) {
            value = l.value();
        } else {
            return null;
        }
        if (!(value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)) {
            return null;
        }
        long v = ((Number) value).longValue();
        if (f instanceof EqualTo) {
            return new long[] {v, v};
        } else if (f instanceof GreaterThan) {
            return v == Long.MAX_VALUE ? new long[] {1, 0} : new long[] {v + 1, Long.MAX_VALUE};
        } else if (f instanceof GreaterThanOrEqual) {
            return new long[] {v, Long.MAX_VALUE};
        } else if (f instanceof LessThan) {
            return v == Long.MIN_VALUE ? new long[] {1, 0} : new long[] {Long.MIN_VALUE, v - 1};
        }
        return new long[] {Long.MIN_VALUE, v};
    }

    /** True if a recording with these ids can have rows that pass. */
    public boolean recordingMatches(String recordingId, String applicationId) {
        return all(recording, recordingId) && all(application, applicationId);
    }

    /** True if a chunk of the footer can hold a row that passes (its entity path, its time range per timeline). */
    public boolean chunkMatches(RrdManifest.Entry chunk) {
        if (!all(entity, chunk.entityPath())) {
            return false;
        }
        for (Map.Entry<String, long[]> t : times.entrySet()) {
            RrdManifest.TimeRange r = chunk.timeRanges().get(t.getKey());
            long[] want = t.getValue();
            if (r == null || r.max() < want[0] || r.min() > want[1]) {
                return false;
            }
        }
        return true;
    }

    /** True if a row passes every accepted filter; {@code time} gives a timeline's value, or null. */
    public boolean rowMatches(String recordingId, String applicationId, String entityPath, Function<String, Long> time) {
        if (!recordingMatches(recordingId, applicationId) || !all(entity, entityPath)) {
            return false;
        }
        for (Map.Entry<String, long[]> t : times.entrySet()) {
            Long v = time.apply(t.getKey());
            if (v == null || v < t.getValue()[0] || v > t.getValue()[1]) {
                return false;
            }
        }
        return true;
    }

    /** True when chunks can be told apart by the footer (something on the entity path or a timeline was pushed). */
    public boolean skipsChunks() {
        return !entity.isEmpty() || !times.isEmpty();
    }

    private static boolean all(List<StringTest> tests, String value) {
        for (StringTest t : tests) {
            if (!t.test(value)) {
                return false;
            }
        }
        return true;
    }
}
