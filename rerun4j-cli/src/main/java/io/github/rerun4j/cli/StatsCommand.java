package io.github.rerun4j.cli;

import io.github.rerun4j.render.export.JsonWriter;
import io.github.rerun4j.sdk.rrd.LogMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j stats FILE...}: where the rows and bytes of recordings are, per store, entity and component, as
 * Rerun's {@code rrd stats}. Streams: only counters are kept.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Count rows, chunks and bytes per store, entity and component of .rrd files: Arrow payload bytes",
                "on disk and uncompressed, how many payloads are LZ4-compressed. A damaged file gives the counts of",
                "what could be read, its problems and exit 1."})
public final class StatsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .rrd files.")
    private List<Path> files;

    @Option(names = "--json", description = "One JSON object instead of the table.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        files.forEach(InputFile::requireReadable);
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        PrintWriter err = spec.commandLine().getErr();
        ToolProgress progress = ToolProgress.of(err, "stats", total);
        List<ToolInput.Result> results = new ArrayList<>();
        List<StatsCounter> counters = new ArrayList<>();
        try {
            for (Path f : files) {
                StatsCounter counter = new StatsCounter();
                results.add(ToolInput.read(f, progress, (message, record) -> {
                    if (message instanceof LogMessage.StoreInfoMessage info) {
                        counter.store(info.storeId());
                    } else if (message instanceof LogMessage.ChunkMessage c) {
                        counter.add(c.storeId(), c.chunk(), record);
                    }
                }));
                counters.add(counter);
            }
        } finally {
            progress.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(results, counters));
        } else {
            for (int i = 0; i < files.size(); i++) {
                text(files.get(i), counters.get(i), out);
            }
        }
        out.flush();
        return ToolInput.reportAll(results, root.verbose(), err) ? ExitCode.BAD_DATA : ExitCode.OK;
    }

    private static final String ROW = "  %-44s %8s %10s %12s %14s %6s %6s";

    static void text(Path file, StatsCounter counter, PrintWriter out) {
        StatsCounter.Payloads t = counter.total;
        out.println(file + ": " + SummaryText.plural(counter.stores.size(), "store", "stores") + ", "
                + SummaryText.plural(t.chunks, "chunk", "chunks") + ", " + SummaryText.plural(t.rows, "row", "rows") + ", "
                + mb(t.diskBytes) + " of Arrow payloads on disk (" + mb(t.ipcBytes) + " uncompressed), "
                + t.lz4 + " LZ4 + " + t.uncompressed + " uncompressed");
        counter.stores.forEach((id, store) -> {
            out.println("store " + id.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + id.applicationId() + " "
                    + id.recordingId());
            out.println(String.format(java.util.Locale.ROOT, ROW, "entity / component", "chunks", "rows", "on disk",
                    "uncompressed", "lz4", "none"));
            store.entities.forEach((path, e) -> {
                out.println(line(path, e.payloads));
                e.components.forEach((name, c) -> out.println(String.format(java.util.Locale.ROOT, ROW, "  " + name,
                        c.chunks, c.rows, "", mb(c.dataBytes) + " data", "", "")));
            });
            out.println(line("(store)", store.payloads));
        });
    }

    private static String line(String name, StatsCounter.Payloads p) {
        return String.format(java.util.Locale.ROOT, ROW, name, p.chunks, p.rows, mb(p.diskBytes), mb(p.ipcBytes), p.lz4,
                p.uncompressed);
    }

    private static String mb(long bytes) {
        return bytes < 10_000 ? bytes + " B" : bytes < 10_000_000 ? String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String json(List<ToolInput.Result> results, List<StatsCounter> counters) {
        JsonWriter j = new JsonWriter();
        j.beginObject().name("files").beginArray();
        for (int i = 0; i < results.size(); i++) {
            StatsCounter counter = counters.get(i);
            j.beginObject().name("file").value(results.get(i).file().toString()).name("ok").value(results.get(i).isSound());
            payloads(j, counter.total);
            j.name("stores").beginArray();
            counter.stores.forEach((id, store) -> {
                j.beginObject().name("kind").value(id.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .name("application_id").value(id.applicationId()).name("recording_id").value(id.recordingId());
                payloads(j, store.payloads);
                j.name("entities").beginArray();
                store.entities.forEach((path, e) -> {
                    j.beginObject().name("entity_path").value(path);
                    payloads(j, e.payloads);
                    j.name("components").beginArray();
                    e.components.forEach((name, c) -> j.beginObject().name("component").value(name)
                            .name("chunks").value(c.chunks).name("rows").value(c.rows)
                            .name("data_bytes").value(c.dataBytes).endObject());
                    j.endArray().endObject();
                });
                j.endArray().endObject();
            });
            j.endArray().endObject();
        }
        return j.endArray().endObject().toString();
    }

    private static void payloads(JsonWriter j, StatsCounter.Payloads p) {
        j.name("chunks").value(p.chunks).name("rows").value(p.rows).name("disk_bytes").value(p.diskBytes)
                .name("uncompressed_bytes").value(p.ipcBytes).name("lz4_payloads").value(p.lz4)
                .name("uncompressed_payloads").value(p.uncompressed);
    }
}
