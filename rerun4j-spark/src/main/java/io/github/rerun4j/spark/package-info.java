/**
 * An Apache Spark 4 data source for {@code .rrd} recordings ({@code spark.read.format("rrd")}, see
 * {@link io.github.rerun4j.spark.RrdDataSource}) and depth functions for SQL and DataFrames
 * ({@link io.github.rerun4j.spark.RrdFunctions}, computed by {@link io.github.rerun4j.spark.DepthStats}).
 * The classes in {@code internal} are the data source's parts and carry no compatibility promise.
 */
package io.github.rerun4j.spark;
