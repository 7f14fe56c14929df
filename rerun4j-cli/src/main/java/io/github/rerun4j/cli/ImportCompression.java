package io.github.rerun4j.cli;

import java.util.Locale;

/** {@code import --compress}: how depth goes into the recording. */
enum ImportCompression {
    /** RVL-encoded depth ({@code EncodedDepthImage}, application/rvl): lossless, made for depth, u16 only. */
    RVL,
    /** 16-bit greyscale PNG ({@code EncodedDepthImage}, image/png): lossless, u16 only. */
    PNG,
    /** Raw {@code DepthImage}, each .rrd message LZ4-compressed (any element type). */
    LZ4,
    /** Raw {@code DepthImage}, no compression. */
    NONE;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the .rrd messages themselves are LZ4-compressed (no use on RVL/PNG blobs). */
    boolean lz4Messages() {
        return this == LZ4;
    }
}
