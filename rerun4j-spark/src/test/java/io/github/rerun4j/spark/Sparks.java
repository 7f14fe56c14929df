package io.github.rerun4j.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: local mode with two cores, no UI, few shuffle partitions. */
final class Sparks {

    private Sparks() {
    }

    static SparkSession local(Class<?> test) {
        return SparkSession.builder()
                .master("local[2]")
                .appName(test.getSimpleName())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
