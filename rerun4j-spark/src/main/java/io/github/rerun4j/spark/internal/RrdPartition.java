package io.github.rerun4j.spark.internal;

import java.util.Objects;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One split: a file, or a range of a big file's chunks.
 *
 * @param file  what the driver learnt about the file
 * @param split the chunks this split decodes
 */
public record RrdPartition(FilePlan file, FilePlan.Split split) implements InputPartition {

    public RrdPartition {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(split, "split");
    }
}
