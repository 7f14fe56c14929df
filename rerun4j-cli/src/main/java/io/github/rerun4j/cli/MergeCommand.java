package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.rrd.LogMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j merge IN... --out OUT}: several recordings in one file, as Rerun's {@code rrd merge}: one store info
 * per store (the first), every chunk once (a chunk id seen before is skipped, so merging a file with a copy of
 * itself changes nothing). Streams: one chunk in memory at a time, plus the set of chunk ids seen (16 bytes and a
 * set entry per chunk).
 */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Merge .rrd files into one: one store info per store, every chunk once (by chunk id), in the",
                "order of the files. A damaged input gives what could be read, its problems and exit 1."})
public final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "The .rrd files to merge.")
    private List<Path> inputs;

    @Mixin
    private ToolOutputOptions output;


    @Override
    public Integer call() {
        boolean lz4 = output.lz4();
        inputs.forEach(InputFile::requireReadable);
        OutputFile.requireWritable(output.out, "merged.rrd");
        Set<Tuid> seen = new HashSet<>();
        return ToolOutput.write("merge", inputs, output.out, lz4, root.verbose(), spec.commandLine().getOut(),
                spec.commandLine().getErr(), (output, progress) -> {
                    List<ToolInput.Result> results = new ArrayList<>();
                    for (Path in : inputs) {
                        results.add(ToolInput.read(in, progress, (message, record) -> {
                            if (message instanceof LogMessage.StoreInfoMessage info) {
                                output.storeInfo(info);
                            } else if (message instanceof LogMessage.ChunkMessage c && seen.add(c.chunk().id())) {
                                output.chunk(c.storeId(), c.chunk());
                            }
                        }));
                    }
                    return results;
                });
    }
}
