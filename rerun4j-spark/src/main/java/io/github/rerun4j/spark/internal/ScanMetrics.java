package io.github.rerun4j.spark.internal;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The scan's metrics in Spark's UI and plan ({@code BatchScanExec.metrics()}): chunks decoded, chunks left
 * undecoded by the push-down, and problems the files reported, summed over the tasks.
 */
public final class ScanMetrics {

    public static final String CHUNKS_DECODED = "chunksDecoded";
    public static final String CHUNKS_SKIPPED = "chunksSkipped";
    public static final String PROBLEMS = "problems";

    private ScanMetrics() {
    }

    /** What the scan declares. */
    static CustomMetric[] supported() {
        return new CustomMetric[] {new ChunksDecoded(), new ChunksSkipped(), new Problems()};
    }

    /** One reader's values. */
    static CustomTaskMetric[] values(long decoded, long skipped, long problems) {
        return new CustomTaskMetric[] {task(CHUNKS_DECODED, decoded), task(CHUNKS_SKIPPED, skipped), task(PROBLEMS, problems)};
    }

    private static CustomTaskMetric task(String name, long value) {
        return new CustomTaskMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long value() {
                return value;
            }
        };
    }

    /** Chunk messages decoded. */
    public static final class ChunksDecoded extends CustomSumMetric {
        @Override
        public String name() {
            return CHUNKS_DECODED;
        }

        @Override
        public String description() {
            return "rrd chunks decoded";
        }
    }

    /** Chunk messages framed but left undecoded (their entity or time range cannot match the pushed filters). */
    public static final class ChunksSkipped extends CustomSumMetric {
        @Override
        public String name() {
            return CHUNKS_SKIPPED;
        }

        @Override
        public String description() {
            return "rrd chunks skipped by push-down";
        }
    }

    /** Problems the files reported (skipped messages, damage). */
    public static final class Problems extends CustomSumMetric {
        @Override
        public String name() {
            return PROBLEMS;
        }

        @Override
        public String description() {
            return "rrd problems (damage, undecodable messages)";
        }
    }
}
