package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.internal.arrow.ArrowFormatException;
import io.github.rerun4j.sdk.internal.batch.ChunkRows;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.types.EntityPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j filter IN --out OUT}: the part of a recording under some entity paths and inside a time range,
 * as Rerun's {@code rrd filter} makes it. Streams: one chunk in memory at a time.
 */
@Command(name = "filter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the part of a recording under some entities and/or inside a time range to a new .rrd.",
                "Store infos and store ids are kept. With --timeline, rows are cut out of chunks: a row is kept when its",
                "time on that timeline is in [--from, --to]; rows without a time on it are dropped; static chunks are",
                "always kept. A damaged input gives what could be read before the damage, its problems and exit 1."})
public final class FilterCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Parameters(paramLabel = "IN", description = "The .rrd file to read.")
    private Path in;

    @Mixin
    private ToolOutputOptions output;

    @Option(names = "--entity", paramLabel = "PREFIX",
            description = "Keep this entity and its descendants (whole path parts: /world keeps /world/camera, not /worldx); "
                    + "repeat for several. Default: every entity.")
    private List<String> entities = new ArrayList<>();

    @Option(names = "--timeline", paramLabel = "NAME", description = "The timeline of --from and --to.")
    private String timeline;

    @Option(names = "--from", paramLabel = "T", description = "First time kept (inclusive): the timeline's integer "
            + "(sequence number, or nanoseconds), an ISO instant (2026-01-01T12:00:00Z) on a timestamp timeline or an ISO "
            + "duration (PT1.5S) on a duration timeline. Default: the beginning.")
    private String from;

    @Option(names = "--to", paramLabel = "T", description = "Last time kept (inclusive), as --from. Default: the end.")
    private String to;


    @Override
    public Integer call() {
        boolean lz4 = output.lz4();
        List<EntityPath> prefixes = prefixes();
        TimeWindow window = window();
        InputFile.requireReadable(in);
        OutputFile.requireWritable(output.out, "filtered.rrd");
        return ToolOutput.write("filter", List.of(in), output.out, lz4, root.verbose(), spec.commandLine().getOut(),
                spec.commandLine().getErr(), (output, progress) -> List.of(ToolInput.read(in, progress, (message, record) -> {
                    if (message instanceof LogMessage.StoreInfoMessage info) {
                        output.storeInfo(info);
                    } else if (message instanceof LogMessage.ChunkMessage c && selected(prefixes, c.chunk())) {
                        Chunk kept = window == null ? c.chunk() : window.keep(c.chunk());
                        if (kept != null) {
                            output.chunk(c.storeId(), kept);
                        }
                    }
                })));
    }

    private List<EntityPath> prefixes() {
        List<EntityPath> out = new ArrayList<>();
        for (String text : entities) {
            try {
                out.add(EntityPath.parse(text));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--entity " + text + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static boolean selected(List<EntityPath> prefixes, Chunk chunk) {
        if (prefixes.isEmpty()) {
            return true;
        }
        EntityPath path = EntityPath.parse(chunk.entityPath());
        return prefixes.stream().anyMatch(path::startsWith);
    }

    private TimeWindow window() {
        if (timeline == null) {
            if (from != null || to != null) {
                throw CliException.usage((from != null ? "--from " + from : "--to " + to) + ": needs --timeline NAME");
            }
            return null;
        }
        if (timeline.isBlank()) {
            throw CliException.usage("--timeline '" + timeline + "': expected a timeline name");
        }
        TimeArgument first = from == null ? null : TimeArgument.parse("--from", from);
        TimeArgument last = to == null ? null : TimeArgument.parse("--to", to);
        if (first != null && last != null && first.form() == last.form() && first.value() > last.value()) {
            throw CliException.usage("--from " + from + " is after --to " + to);
        }
        return new TimeWindow(timeline, first, last);
    }

    /**
     * Rows whose time on {@code timeline} is in {@code [first, last]} (either open); static chunks whole. The bounds are
     * checked against the timeline's type at its first chunk (an instant fits only a timestamp timeline).
     */
    private record TimeWindow(String timeline, TimeArgument first, TimeArgument last) {
        Chunk keep(Chunk chunk) {
            if (chunk.isStatic()) {
                return chunk;
            }
            Optional<TimeColumn> column = chunk.timeline(timeline);
            if (column.isEmpty()) {
                return null;
            }
            TimeType type = column.get().timeline().type();
            long from = first == null ? Long.MIN_VALUE : first.on(timeline, type);
            long to = last == null ? Long.MAX_VALUE : last.on(timeline, type);
            TimeColumn times = column.get();
            if (times.length() > 0 && times.min() >= from && times.max() <= to) {
                return chunk;  // the common case for a wide window: no copy
            }
            try {
                return ChunkRows.keep(chunk, row -> times.time(row) >= from && times.time(row) <= to);
            } catch (ArrowFormatException e) {
                // A column type whose rows cannot be cut (a dense union): the chunk goes whole if it touches the window.
                return times.length() > 0 && times.max() >= from && times.min() <= to ? chunk : null;
            }
        }
    }
}
