package io.github.rerun4j.spark.internal;

import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The recordings a {@code load(...)} names, as one table. */
public final class RrdTable implements SupportsRead {

    private final ScanPlan plan;

    public RrdTable(ScanPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public String name() {
        return "rrd " + String.join(", ", plan.options().paths());
    }

    @Override
    public StructType schema() {
        return plan.schema().sparkType();
    }

    @Override
    public Set<TableCapability> capabilities() {
        return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return new RrdScanBuilder(plan);
    }
}
