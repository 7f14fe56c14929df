/**
 * The data source's parts (options, file listing and schema inference, push-down, the partition reader): public
 * only so that Spark can instantiate them, no compatibility promise.
 */
package io.github.rerun4j.spark.internal;
