package io.github.rerun4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out} and {@code --compress}, the output of the recording tools that write a file (filter, merge, compact). */
final class ToolOutputOptions {

    @Option(names = "--out", required = true, paramLabel = "OUT.rrd", description = "The .rrd file to write.")
    Path out;

    @Option(names = "--compress", paramLabel = "lz4|none", defaultValue = "lz4",
            description = "Compress each message of the output with LZ4 (default) or not.")
    String compress;

    /** {@code --compress} read: true for LZ4; anything but lz4 or none is a usage error naming it. */
    boolean lz4() {
        return ToolOutput.lz4(compress);
    }
}
