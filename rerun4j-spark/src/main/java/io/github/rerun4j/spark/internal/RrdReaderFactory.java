package io.github.rerun4j.spark.internal;

import java.util.Objects;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Sent to the executors: creates the reader of a split.
 *
 * @param schema   the whole table's columns
 * @param required the columns to produce, in order (after pruning)
 * @param pushdown the filters the reader applies itself
 * @param mode     what damage does
 */
public record RrdReaderFactory(RrdSchema schema, StructType required, Pushdown pushdown, ReadMode mode)
        implements PartitionReaderFactory {

    public RrdReaderFactory {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(pushdown, "pushdown");
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        RrdPartition p = (RrdPartition) partition;
        return new RrdPartitionReader(p.file(), p.split(), this);
    }
}
