package io.github.rerun4j.spark.internal;

import java.util.Objects;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One split: one file.
 *
 * @param file what the driver learnt about it
 */
public record RrdPartition(FilePlan file) implements InputPartition {

    public RrdPartition {
        Objects.requireNonNull(file, "file");
    }
}
