package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j compact IN --out OUT}: small chunks joined into bigger ones, as Rerun's {@code rrd compact}: a
 * recording logged row by row ({@link BatcherConfig#IMMEDIATE}) loads and plays faster with fewer, fuller chunks.
 * Every row is kept, with its row id and times. The defaults are the SDK's own batching
 * ({@link BatcherConfig#DEFAULT}), so a compacted file looks like one logged with the default batcher.
 */
@Command(name = "compact", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Join small chunks of the same store, entity, timelines and components into bigger ones; keep every row.",
                "A damaged input gives what could be read, its problems and exit 1."})
public final class CompactCommand implements Callable<Integer> {

    /** At most this much chunk data waits for more rows, all groups together: the tool's memory bound. */
    static final long PENDING_BUDGET = 256L << 20;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "IN", description = "The .rrd file to read.")
    private Path in;

    @Mixin
    private ToolOutputOptions output;

    @Option(names = "--max-rows", paramLabel = "N", description = "Most rows in a joined chunk (default: ${DEFAULT-VALUE}).")
    private int maxRows = BatcherConfig.DEFAULT.maxRowsPerChunk();

    @Option(names = "--max-bytes", paramLabel = "B",
            description = "Most Arrow data bytes in a joined chunk, e.g. 2MiB, 16MB (default: 2MiB).")
    private String maxBytes = "2MiB";


    @Override
    public Integer call() {
        boolean lz4 = output.lz4();
        if (maxRows < 1) {
            throw CliException.usage("--max-rows " + maxRows + ": expected at least 1");
        }
        long bytes = ByteSize.parse("--max-bytes", maxBytes);
        if (bytes < 1 || bytes > RrdEncoder.MAX_CHUNK_DATA_BYTES) {
            throw CliException.usage("--max-bytes " + maxBytes + ": expected 1 to " + RrdEncoder.MAX_CHUNK_DATA_BYTES
                    + " bytes (what one message can carry)");
        }
        InputFile.requireReadable(in);
        OutputFile.requireWritable(output.out, "compacted.rrd");
        return ToolOutput.write("compact", List.of(in), output.out, lz4, root.verbose(), spec.commandLine().getOut(),
                spec.commandLine().getErr(), (output, progress) -> {
                    Compactor compactor = new Compactor(maxRows, bytes, Math.max(PENDING_BUDGET, bytes), output::chunk);
                    ToolInput.Result result = ToolInput.read(in, progress, (message, record) -> {
                        if (message instanceof LogMessage.StoreInfoMessage info) {
                            output.storeInfo(info);
                        } else if (message instanceof LogMessage.ChunkMessage c) {
                            compactor.add(c.storeId(), c.chunk());
                        }
                    });
                    compactor.finish();
                    return List.of(result);
                });
    }
}
