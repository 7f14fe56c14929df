package io.github.rerun4j.spark.internal;

import io.github.rerun4j.sdk.rrd.RrdFooter;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.TimelineInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The driver's pass over the files (schema inference): each file read once through the store's loop, its
 * recordings' tables resolved (the requested timeline, else {@link ChunkStore#defaultTimeline()}, the rule the
 * CLI and the viewer use), and the union of their timelines and components as the schema. Images are mapped, not
 * read, so the pass costs the files' metadata; damage is left to the scan (whose mode decides).
 *
 * @param options what was asked
 * @param schema  the columns
 * @param files   one plan per file, sorted by path
 */
public record ScanPlan(RrdOptions options, RrdSchema schema, List<FilePlan> files) {

    private static final String DEPTH_BUFFER = "DepthImage:buffer";
    private static final String DEPTH_METER = "DepthImage:meter";

    public ScanPlan {
        files = List.copyOf(files);
    }

    /** Lists the files and reads each one. */
    public static ScanPlan infer(RrdOptions options) {
        List<String> paths = FileList.expand(options.paths());
        List<Inferred> inferred = paths.parallelStream()
                .map(p -> inferFile(p, options.timeline(), options.maxPartitionBytes())).toList();
        Map<String, String> timelines = new TreeMap<>();
        Map<String, ComponentKind.Seen> seen = new TreeMap<>();
        List<FilePlan> files = new ArrayList<>();
        for (Inferred i : inferred) {
            i.timelines.forEach((name, type) -> timelines.merge(name, type, (a, b) -> a.equals(b) ? a : "mixed"));
            i.components.forEach((id, s) -> seen.merge(id, s, ComponentKind.Seen::merge));
            files.add(i.plan);
        }
        if (options.timeline() != null && !timelines.containsKey(options.timeline())) {
            throw new IllegalArgumentException("option timeline: no timeline " + options.timeline() + " in the "
                    + paths.size() + " files; timelines: " + (timelines.isEmpty() ? "(none, only static data)"
                    : String.join(", ", timelines.keySet())));
        }
        Map<String, ComponentKind> components = new TreeMap<>();
        seen.forEach((id, s) -> components.put(id, ComponentKind.of(s)));
        // The depth functions take (buffer, format, meter): the meter column is there whenever depth images are,
        // null where none was logged (the functions then use the datatype's default, as the viewer does).
        if (components.containsKey(DEPTH_BUFFER)) {
            components.putIfAbsent(DEPTH_METER, ComponentKind.FLOAT);
        }
        String corrupt = options.mode() == ReadMode.PERMISSIVE ? options.corruptColumn() : null;
        return new ScanPlan(options, new RrdSchema(timelines, components, corrupt), files);
    }

    private record Inferred(FilePlan plan, Map<String, ComponentKind.Seen> components, Map<String, String> timelines) {
    }

    private static Inferred inferFile(String path, String requestedTimeline, long maxPartitionBytes) {
        try {
            Path file = Path.of(path);
            FileLoad load = FileLoad.read(file, null);
            List<FilePlan.RecordingPlan> recordings = new ArrayList<>();
            Map<String, String> timelines = new TreeMap<>();
            for (Map.Entry<StoreId, ChunkStore> e : load.recordings().entrySet()) {
                ChunkStore store = e.getValue();
                Map<String, TimelineInfo> own = store.timelines();
                own.forEach((name, info) -> timelines.put(name, info.type().name().toLowerCase(Locale.ROOT)));
                String timeline = requestedTimeline != null ? requestedTimeline : store.defaultTimeline().orElse(null);
                recordings.add(new FilePlan.RecordingPlan(e.getKey().recordingId(), e.getKey().applicationId(), timeline));
            }
            long size = Files.size(file);
            return new Inferred(new FilePlan(path, size, recordings, splits(file, size, maxPartitionBytes, load.compressed())),
                    load.components(), timelines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * A file of more than {@code maxBytes} is cut between chunks (from its footer) into splits of about
     * {@code maxBytes} of chunk payload each; one without a usable footer, or with LZ4-compressed chunks (every
     * split would decompress every payload to find its own), stays one split.
     */
    static List<FilePlan.Split> splits(Path file, long size, long maxBytes, boolean compressed) {
        if (size <= maxBytes || compressed) {
            return List.of(FilePlan.Split.WHOLE);
        }
        List<RrdManifest.Entry> chunks = new ArrayList<>();
        try {
            RrdFooter.read(file).forEach(m -> chunks.addAll(m.chunks()));
        } catch (IOException noFooter) {
            return List.of(FilePlan.Split.WHOLE);
        }
        chunks.sort(java.util.Comparator.comparingLong(RrdManifest.Entry::byteOffset));
        List<FilePlan.Split> out = new ArrayList<>();
        long start = 0;
        long bytes = 0;
        for (RrdManifest.Entry c : chunks) {
            if (bytes > 0 && bytes + c.byteSize() > maxBytes) {
                out.add(new FilePlan.Split(start, c.byteOffset()));
                start = c.byteOffset();
                bytes = 0;
            }
            bytes += c.byteSize();
        }
        out.add(new FilePlan.Split(start, Long.MAX_VALUE));
        return out;
    }
}
