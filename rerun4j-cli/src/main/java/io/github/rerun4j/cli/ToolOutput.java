package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.sink.FileSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The writing side of the recording tools ({@code filter}, {@code merge}, {@code compact}): the SDK's
 * {@link FileSink} on a temporary file that replaces {@code --out} once everything is written, so the output ends
 * with Rerun's End message and footer exactly as a recording logged from Java does. One store info per store (the
 * first read); chunks as they come.
 */
final class ToolOutput {

    /** One pass over the inputs, writing to {@code output}; returns what reading each input found. */
    @FunctionalInterface
    interface Pass {
        List<ToolInput.Result> run(ToolOutput output, ToolProgress progress) throws IOException;
    }

    private final FileSink sink;
    private final Set<StoreId> announced = new HashSet<>();
    private long chunks;
    private long rows;

    private ToolOutput(FileSink sink) {
        this.sink = sink;
    }

    /** {@code --compress}: lz4 (Rerun's default for files) or none; anything else is a usage error naming it. */
    static boolean lz4(String compress) {
        return switch (compress.toLowerCase(Locale.ROOT)) {
            case "lz4" -> true;
            case "none" -> false;
            default -> throw CliException.usage("--compress " + compress + ": expected lz4 or none");
        };
    }

    /**
     * Runs {@code pass} over {@code inputs} into {@code out}, then prints one summary line, or the inputs' problems
     * (exit 1) with the note that {@code out} holds what could be read: every message before the damage is whole,
     * so the output is a valid recording of it.
     */
    static int write(String command, List<Path> inputs, Path out, boolean lz4, boolean verbose, PrintWriter stdout,
                     PrintWriter err, Pass pass) {
        long total = 0;
        for (Path input : inputs) {
            try {
                total += Files.size(input);
            } catch (IOException e) {
                // only for the progress bar's length
            }
        }
        ToolProgress progress = ToolProgress.of(err, command, total);
        List<ToolInput.Result> results = new ArrayList<>();
        ToolOutput[] written = {null};
        try {
            OutputFile.writeFile(out, tmp -> {
                try (FileSink sink = FileSink.create(tmp, lz4, false)) {
                    written[0] = new ToolOutput(sink);
                    results.addAll(pass.run(written[0], progress));
                }
            });
        } finally {
            progress.finish();
        }
        boolean damaged = ToolInput.reportAll(results, verbose, err);
        String summary = command + ": wrote " + SummaryText.plural(written[0].chunks, "chunk", "chunks") + ", "
                + SummaryText.plural(written[0].rows, "row", "rows") + " to " + out + String.format(Locale.ROOT,
                " (%.1f MB read in %.1f s)", progress.bytes() / 1e6, progress.seconds());
        if (damaged) {
            err.println("rerun4j: " + out + " holds what could be read before the damage");
            stdout.println(summary);
            return ExitCode.BAD_DATA;
        }
        stdout.println(summary);
        return ExitCode.OK;
    }

    /** Writes the store's info unless one was written already: the first announcement of a store wins. */
    void storeInfo(LogMessage.StoreInfoMessage info) throws IOException {
        if (announced.add(info.storeId())) {
            sink.send(info);
        }
    }

    /** Writes one chunk. */
    void chunk(StoreId store, Chunk chunk) throws IOException {
        sink.send(new LogMessage.ChunkMessage(store, chunk));
        chunks++;
        rows += chunk.rowCount();
    }

    /** Chunks written so far. */
    long chunks() {
        return chunks;
    }

    /** Rows written so far. */
    long rows() {
        return rows;
    }
}
