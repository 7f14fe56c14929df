package io.github.rerun4j.spark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/** Column pruning and filter push-down ({@link Pushdown}), then the scan: the files' splits ({@link FilePlan#splits}). */
final class RrdScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownFilters {

    private final ScanPlan plan;
    private StructType required;
    private Pushdown pushdown = Pushdown.NONE;

    RrdScanBuilder(ScanPlan plan) {
        this.plan = plan;
        this.required = plan.schema().sparkType();
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Filter[] pushFilters(Filter[] filters) {
        List<Filter> rest = new ArrayList<>();
        pushdown = Pushdown.of(filters, plan.schema(), rest);
        return rest.toArray(new Filter[0]);
    }

    @Override
    public Filter[] pushedFilters() {
        return pushdown.accepted().toArray(new Filter[0]);
    }

    @Override
    public Scan build() {
        return new RrdScan(plan, required, pushdown);
    }

    /** The scan: its schema is the pruned one; it is its own batch. */
    private record RrdScan(ScanPlan plan, StructType required, Pushdown pushdown)
            implements Scan, Batch, SupportsReportStatistics {

        @Override
        public StructType readSchema() {
            return required;
        }

        @Override
        public String description() {
            return "rrd [" + plan.files().size() + " files, pushed " + pushdown.accepted() + "]";
        }

        @Override
        public CustomMetric[] supportedCustomMetrics() {
            return ScanMetrics.supported();
        }

        /** The files' bytes (Spark's size estimate for planning, e.g. whether to broadcast); rows unknown. */
        @Override
        public Statistics estimateStatistics() {
            long bytes = plan.files().stream().mapToLong(FilePlan::bytes).sum();
            return new Statistics() {
                @Override
                public OptionalLong sizeInBytes() {
                    return OptionalLong.of(bytes);
                }

                @Override
                public OptionalLong numRows() {
                    return OptionalLong.empty();
                }
            };
        }

        @Override
        public Batch toBatch() {
            return this;
        }

        @Override
        public InputPartition[] planInputPartitions() {
            List<InputPartition> out = new ArrayList<>();
            for (FilePlan f : plan.files()) {
                // A file whose every known recording is ruled out is not read; one without any is (its damage shows).
                boolean any = f.recordings().isEmpty() || f.recordings().stream()
                        .anyMatch(r -> pushdown.recordingMatches(r.recordingId(), r.applicationId()));
                if (any) {
                    f.splits().forEach(split -> out.add(new RrdPartition(f, split)));
                }
            }
            return out.toArray(new InputPartition[0]);
        }

        @Override
        public PartitionReaderFactory createReaderFactory() {
            return new RrdReaderFactory(plan.schema(), required, pushdown, plan.options().mode());
        }
    }
}
