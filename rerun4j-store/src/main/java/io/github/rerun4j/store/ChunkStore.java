package io.github.rerun4j.store;

import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowBuffer;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.types.EntityPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The chunks of one recording, indexed by entity, component and timeline, answering Rerun's latest-at and
 * range queries.
 *
 * <p>Semantics (Rerun's): a query for (entity, component) only sees rows in which that component is
 * non-null; a row that logged an empty list counts (the component was "cleared"). Latest-at on timeline
 * {@code T} at time {@code t} returns the row with the largest {@code (time, rowId)} whose time on
 * {@code T} is {@code <= t}; rows of chunks without a time on {@code T} are invisible on {@code T}. Static
 * data (chunks without timelines) of the entity and component shadows all temporal data, at any time and on
 * every timeline; among static rows the largest rowId wins.
 *
 * <p>Memory: the store keeps the chunks it was given and, per (row, component, timeline) and per (row,
 * timeline) for the dataframe, one small reference (time, rowId, chunk, row index); component data (image
 * pixels, ...) is never copied. Chunks
 * with an id already added are ignored, as Rerun does.
 *
 * <p>Chunks may also be announced before they are read ({@link #addPending}, from a file's footer): the store then
 * knows their entities, components and time spans, and every query first has the announced chunks read that could
 * change its answer, so it answers exactly as if every chunk had been added.
 *
 * <p>Threads: the store is thread-safe. Adds are serialized and exclusive; queries run concurrently with
 * each other and see every chunk either completely or not at all.
 *
 * <pre>{@code
 * ChunkStore store = ChunkStore.load(Path.of("depth.rrd"));
 * Optional<RowRef> buffer = store.latestAt("/world/camera/depth", "DepthImage:buffer", "frame", 42);
 * List<RowRef> frames = store.range("/world/camera/depth", "DepthImage:buffer", "frame", 0, 99);
 * }</pre>
 */
public final class ChunkStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final PendingChunks pending = new PendingChunks();
    private final Set<Tuid> chunkIds = new HashSet<>();
    private final Map<String, EntityIndex> entities = new HashMap<>();
    private final Map<String, TimelineInfo> timelines = new LinkedHashMap<>();
    private long rowCount;
    /** Bumped by every chunk added: cached answers of an older generation are stale. Guarded by {@code lock}. */
    private long generation;
    private final Map<String, DataTimes> dataTimes = new java.util.concurrent.ConcurrentHashMap<>();
    private long payloadBytes;

    /** An empty store. */
    public ChunkStore() {
    }

    /**
     * The first recording of an {@code .rrd} file (blueprints and further recordings are left out; use
     * {@link Recordings#load(Path)} for all of them). An empty store if the file has no recording.
     *
     * @throws IOException if the file cannot be opened or read (damaged content is skipped, see {@link Recordings})
     */
    public static ChunkStore load(Path rrd) throws IOException {
        return Recordings.load(rrd).firstRecording().map(Recording::store).orElseGet(ChunkStore::new);
    }

    // ---- writing ----

    /**
     * Indexes {@code chunk} (kept by reference).
     *
     * @return false if a chunk with the same id was added before (it is then ignored)
     */
    public boolean add(Chunk chunk) {
        EntityPath path = EntityPath.parse(chunk.entityPath());
        lock.writeLock().lock();
        try {
            if (!chunkIds.add(chunk.id())) {
                return false;
            }
            // Read now: its rows count from here on, no longer as the pending set's.
            pending.resolve(chunk.id());
            EntityIndex entity = entities.computeIfAbsent(path.toString(), k -> new EntityIndex(path));
            entity.addRows(chunk);
            for (ComponentColumn column : chunk.components()) {
                ComponentIndex index = entity.component(column.descriptor());
                for (int row = 0; row < chunk.rowCount(); row++) {
                    if (column.isNull(row)) {
                        continue;
                    }
                    Tuid rowId = chunk.rowIds().get(row);
                    if (chunk.isStatic()) {
                        index.addStatic(chunk, row, rowId);
                    }
                    for (TimeColumn t : chunk.timelines()) {
                        index.addTemporal(t.timeline().name(), t.time(row), rowId, chunk, row);
                    }
                }
            }
            for (TimeColumn t : chunk.timelines()) {
                if (t.length() > 0) {
                    TimelineInfo added = new TimelineInfo(t.timeline().type(), t.min(), t.max(), t.length());
                    timelines.merge(t.timeline().name(), added, (old, add) -> old.plus(add.min(), add.max(), add.rowCount()));
                }
            }
            rowCount += chunk.rowCount();
            generation++;
            payloadBytes += payloadBytes(chunk);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Announces the chunks of a footer's {@code manifest} without reading them: entities, components and timelines
     * are known at once, and each query has {@code loader} read exactly the announced chunks that could change its
     * answer (a latest-at near the end of a long recording reads the last chunk, not the file). Chunks already
     * added are left out. {@link #loadPending()} reads the rest.
     *
     * <pre>{@code
     * store.addPending(manifest, entry -> store.add(chunk));   // the loader decodes the chunk at entry.byteOffset()
     * }</pre>
     */
    public void addPending(RrdManifest manifest, ChunkLoader loader) {
        Map<String, ComponentDescriptor> descriptors = manifest.components();
        Map<String, TimeType> types = manifest.timelines();
        lock.writeLock().lock();
        try {
            for (RrdManifest.Entry entry : manifest.chunks()) {
                if (chunkIds.contains(entry.chunkId()) || !pending.add(entry, loader, types)) {
                    continue;
                }
                EntityPath path = EntityPath.parse(entry.entityPath());
                EntityIndex entity = entities.computeIfAbsent(path.toString(), k -> new EntityIndex(path));
                for (String component : entry.componentTimeRanges().keySet()) {
                    entity.component(descriptors.getOrDefault(component, new ComponentDescriptor(null, component, null)));
                }
                for (String component : entry.staticComponents()) {
                    entity.component(descriptors.getOrDefault(component, new ComponentDescriptor(null, component, null)));
                }
            }
            generation++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads every announced chunk not read yet, in file order (a background pass after {@link #addPending}). */
    public void loadPending() {
        for (PendingChunks.Pending p : pending.ofEntities(e -> true)) {
            if (!load(p)) {
                return;
            }
        }
    }

    /** Announced chunks not read yet. */
    public int pendingChunks() {
        return pending.size();
    }

    /** Forgets the announced chunks not read yet (their recording stopped loading): queries see what was read. */
    public void dropPending() {
        lock.writeLock().lock();
        try {
            pending.clear();
            generation++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds every chunk; returns how many were new. */
    public int addAll(Iterable<Chunk> chunks) {
        int added = 0;
        for (Chunk c : chunks) {
            if (add(c)) {
                added++;
            }
        }
        return added;
    }

    // ---- queries ----

    /**
     * The row holding the value of {@code component} of {@code entityPath} visible at {@code time} on
     * {@code timeline}: static data if there is any, else the temporal row with the largest (time, rowId) at
     * or before {@code time}.
     *
     * <pre>{@code
     * store.latestAt("/world/camera/depth", "DepthImage:meter", "frame", 10);   // e.g. a static meter
     * store.latestAt("/world/camera/depth", "DepthImage:meter", null, 0);       // static data only
     * }</pre>
     *
     * @param entityPath an entity path, e.g. {@code "/world/camera"} (the leading slash is optional)
     * @param component  a component identifier, e.g. {@code "DepthImage:buffer"}
     * @param timeline   a timeline name, or null to look at static data only
     * @param time       the query time on {@code timeline} (ignored when it is null)
     */
    public Optional<RowRef> latestAt(String entityPath, String component, String timeline, long time) {
        loadForLatestAt(entityPath, component, timeline, time);
        return read(() -> {
            ComponentIndex index = find(entityPath, component);
            return index == null ? Optional.<RowRef>empty() : index.latestAt(timeline, time);
        });
    }

    /**
     * The rows of {@code component} of {@code entityPath} with a time in {@code [min, max]} on
     * {@code timeline}, ordered by (time, rowId). As in Rerun, static data shadows: if the component has
     * static data the result is just that one static row, whatever the range.
     *
     * <pre>{@code
     * for (RowRef r : store.range("/world/camera/depth", "DepthImage:buffer", "frame", 0, Long.MAX_VALUE)) {
     *     System.out.println(r.time().getAsLong());
     * }
     * }</pre>
     */
    public List<RowRef> range(String entityPath, String component, String timeline, long min, long max) {
        loadForRange(entityPath, component, timeline, min, max);
        return read(() -> {
            ComponentIndex index = find(entityPath, component);
            return index == null ? List.<RowRef>of() : index.range(timeline, min, max);
        });
    }

    /**
     * Latest-at of every component of {@code entityPath}, by component identifier (sorted); components with
     * nothing visible at {@code time} are left out.
     *
     * <pre>{@code
     * Map<String, RowRef> all = store.latestAtAll("/world/camera", "frame", 3);
     * all.containsKey("Pinhole:image_from_camera");
     * }</pre>
     */
    public Map<String, RowRef> latestAtAll(String entityPath, String timeline, long time) {
        if (!pending.isEmpty()) {
            for (ComponentDescriptor c : components(entityPath)) {
                loadForLatestAt(entityPath, c.component(), timeline, time);
            }
        }
        return read(() -> {
            EntityIndex entity = entities.get(canonical(entityPath));
            Map<String, RowRef> out = new TreeMap<>();
            if (entity != null) {
                for (ComponentIndex c : entity.components()) {
                    c.latestAt(timeline, time).ifPresent(r -> out.put(c.descriptor().component(), r));
                }
            }
            return out;
        });
    }

    /**
     * A page of the dataframe: one row per logged row of each selected entity on {@code query}'s timeline,
     * plus every static row (Rerun's dataframe view; rows logged without that timeline are not in its table).
     * Order and columns: see {@link DataframePage}. Cost: the number of entities and components plus the
     * page's rows, so a viewer can page through millions of rows.
     *
     * <pre>{@code
     * DataframePage first = store.dataframe(DataframeQuery.onTimeline("log_tick").withEntity("/world"), 0, 100);
     * DataframePage next = store.dataframe(first.query(), 100, 100);
     * }</pre>
     *
     * @param offset index of the first row to return ({@code >= 0}; past the end gives no rows)
     * @param limit  most rows to return ({@code >= 0})
     */
    public DataframePage dataframe(DataframeQuery query, long offset, int limit) {
        java.util.Objects.requireNonNull(query, "query");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("dataframe: offset " + offset + " and limit " + limit + " must be >= 0");
        }
        loadEntities(query::selects);
        return read(() -> {
            String timeline = query.timeline();
            List<EntityIndex> selected = entities.values().stream()
                    .filter(e -> query.selects(e.path()))
                    .sorted(Comparator.comparing(EntityIndex::path, PATH_ORDER))
                    .toList();
            List<DataframeColumn> columns = new ArrayList<>();
            List<DataframeRow> rows = new ArrayList<>();
            long total = 0;
            long skip = offset;
            for (EntityIndex entity : selected) {
                String path = entity.path().toString();
                // Static rows first, then the timeline's rows: both already ordered by the indexes.
                TemporalIndex[] parts = {entity.staticRows(), timeline == null ? null : entity.rows(timeline)};
                long entityRows = 0;
                for (int p = 0; p < parts.length; p++) {
                    TemporalIndex part = parts[p];
                    int size = part == null ? 0 : part.size();
                    entityRows += size;
                    if (size == 0) {
                        continue;
                    }
                    if (skip >= size) {
                        skip -= size;
                    } else if (rows.size() < limit) {
                        int from = (int) skip;
                        int to = (int) Math.min(size, from + (long) (limit - rows.size()));
                        part.slice(from, to, p == 0).forEach(r -> rows.add(new DataframeRow(r)));
                        skip = 0;
                    }
                }
                total += entityRows;
                if (entityRows > 0) {
                    entity.columns(timeline).values().forEach(d -> {
                        ComponentIndex index = entity.find(d.component());
                        boolean hasData = index != null && index.hasDataFor(timeline);
                        columns.add(new DataframeColumn(path, d, !hasData));
                    });
                }
            }
            TimelineInfo info = timeline == null ? null : timelines.get(timeline);
            return new DataframePage(query, info == null ? null : info.type(), total, offset, columns, rows);
        });
    }

    /** The whole dataframe of {@code query} as one page (see {@link #dataframe(DataframeQuery, long, int)}). */
    public DataframePage dataframe(DataframeQuery query) {
        return dataframe(query, 0, Integer.MAX_VALUE);
    }

    /** Every timeline with at least one row, by name, sorted by name. */
    public Map<String, TimelineInfo> timelines() {
        return read(this::allTimelines);
    }

    /** The timelines of the chunks read, with the rows of those announced and not read yet. */
    private Map<String, TimelineInfo> allTimelines() {
        Map<String, TimelineInfo> out = new TreeMap<>(timelines);
        if (!pending.isEmpty()) {
            pending.timelines().forEach((name, info) ->
                    out.merge(name, info, (old, add) -> old.plus(add.min(), add.max(), add.rowCount())));
        }
        return out;
    }

    /**
     * The timeline a view opens on when none is asked for, as Rerun 0.33 picks it: the highest
     * {@link #timelineRank rank}, then the most rows, then the last name; empty for static-only data. The
     * one home of this rule (CLI, viewer API and page all ask here). As data arrives the answer can change
     * (a {@code frame} timeline appearing beats {@code log_tick}).
     */
    public Optional<String> defaultTimeline() {
        return read(() -> allTimelines().entrySet().stream()
                .max(Comparator.<Map.Entry<String, TimelineInfo>>comparingInt(e -> timelineRank(e.getKey(), e.getValue().type()))
                        .thenComparingLong(e -> e.getValue().rowCount())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey));
    }

    /**
     * Rerun's preference among timelines (its {@code pick_best_timeline}): MCAP imports'
     * {@code message_log_time} first, then any timeline the user logged, then the SDKs' built-in
     * {@code log_time}, then {@code log_tick}. A built-in counts as one only with its own type: a user's
     * timestamp timeline named {@code log_tick} is a user timeline.
     */
    static int timelineRank(String name, TimeType type) {
        if (name.equals("message_log_time")) {
            return 3;
        }
        if (name.equals("log_time") && type == TimeType.TIMESTAMP) {
            return 1;
        }
        if (name.equals("log_tick") && type == TimeType.SEQUENCE) {
            return 0;
        }
        return 2;
    }

    /**
     * The distinct times, ascending, at which {@code timeline} has data: every row the range query sees
     * (static data shadows a component's temporal rows, as in Rerun, so those times do not count). What a
     * timeline scrubber snaps to. Empty for an unknown timeline. Cached until the next chunk is added.
     *
     * <pre>{@code
     * List<Long> frames = store.dataTimes("frame");   // e.g. [0, 1, 2, 3, 4]
     * }</pre>
     */
    public List<Long> dataTimes(String timeline) {
        java.util.Objects.requireNonNull(timeline, "timeline");
        loadEntities(e -> true);
        return read(() -> {
            DataTimes cached = dataTimes.get(timeline);
            if (cached != null && cached.generation() == generation) {
                return cached.times();
            }
            DataTimes fresh = DataTimes.compute(this, timeline, generation);
            dataTimes.put(timeline, fresh);
            return fresh.times();
        });
    }

    /** The largest time on {@code timeline}; empty if the store has no row on it. */
    public OptionalLong latestTime(String timeline) {
        return read(() -> {
            TimelineInfo info = allTimelines().get(timeline);
            return info == null ? OptionalLong.empty() : OptionalLong.of(info.max());
        });
    }

    /**
     * The entities that have data, in canonical form ({@code "/world/camera"}), sorted part by part (so a
     * parent comes right before its children).
     */
    public List<String> entityPaths() {
        return read(() -> entities.values().stream().map(EntityIndex::path)
                .sorted(PATH_ORDER).map(EntityPath::toString).toList());
    }

    /**
     * The entity tree: every entity with data plus its implicit ancestors, rooted at {@code /}.
     *
     * <pre>{@code
     * store.entityTree().find("/world").orElseThrow().hasData();   // false if only /world/camera has data
     * }</pre>
     */
    public EntityTree entityTree() {
        return read(() -> EntityTree.of(entities.values().stream().map(EntityIndex::path).toList()));
    }

    /** The components logged on {@code entityPath}, sorted by identifier; empty for an unknown entity. */
    public List<ComponentDescriptor> components(String entityPath) {
        return read(() -> {
            EntityIndex entity = entities.get(canonical(entityPath));
            if (entity == null) {
                return List.<ComponentDescriptor>of();
            }
            List<ComponentDescriptor> out = new ArrayList<>();
            entity.components().forEach(c -> out.add(c.descriptor()));
            out.sort(Comparator.comparing(ComponentDescriptor::component));
            return out;
        });
    }

    /**
     * The bytes of component data (the Arrow buffers of every component column: pixels, mostly) that the chunks
     * added so far hold in the Java heap: what a memory budget counts, since the index beside it is small. Data
     * of a file mapped into memory ({@link Recordings#load(Path)}) is not counted: the operating system pages it
     * in and out.
     */
    public long payloadBytes() {
        lock.readLock().lock();
        try {
            return payloadBytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The heap bytes of {@code chunk}'s component columns (their Arrow buffers, children included). */
    public static long payloadBytes(Chunk chunk) {
        long bytes = 0;
        for (ComponentColumn column : chunk.components()) {
            bytes += bufferBytes(column.lists());
        }
        return bytes;
    }

    private static long bufferBytes(ArrowArray array) {
        long bytes = 0;
        for (ArrowBuffer buffer : array.buffers()) {
            bytes += buffer.heapBytes();
        }
        for (ArrowArray child : array.children()) {
            bytes += bufferBytes(child);
        }
        return bytes;
    }

    /** Number of distinct chunks indexed, including those announced and not read yet. */
    public int chunkCount() {
        return read(() -> chunkIds.size() + pending.size());
    }

    /** Number of rows of all indexed chunks, and of the announced chunks not read yet. */
    public long rowCount() {
        return read(() -> rowCount + pending.rows());
    }

    @Override
    public String toString() {
        return read(() -> "ChunkStore[" + chunkIds.size() + " chunks, " + rowCount + " rows, " + entities.size()
                + " entities, timelines=" + timelines.keySet() + "]");
    }

    // ---- helpers ----

    private static final Comparator<EntityPath> PATH_ORDER = (a, b) -> {
        int n = Math.min(a.parts().size(), b.parts().size());
        for (int i = 0; i < n; i++) {
            int c = a.parts().get(i).compareTo(b.parts().get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.parts().size(), b.parts().size());
    };

    private ComponentIndex find(String entityPath, String component) {
        EntityIndex entity = entities.get(canonical(entityPath));
        return entity == null ? null : entity.find(component);
    }

    private static String canonical(String entityPath) {
        return EntityPath.parse(entityPath).toString();
    }

    // ---- reading announced chunks (addPending) ----

    /** Reads announced chunks until none could give {@code component} of {@code entityPath} a later row. */
    private void loadForLatestAt(String entityPath, String component, String timeline, long time) {
        if (pending.isEmpty()) {
            return;
        }
        String path = canonical(entityPath);
        while (true) {
            Optional<RowRef> found = read(() -> {
                ComponentIndex index = find(path, component);
                return index == null ? Optional.<RowRef>empty() : index.latestAt(timeline, time);
            });
            PendingChunks.Pending next = pending.latestAtCandidate(path, component, timeline, time, found.orElse(null));
            if (next == null || !load(next)) {
                return;
            }
        }
    }

    private void loadForRange(String entityPath, String component, String timeline, long min, long max) {
        if (pending.isEmpty()) {
            return;
        }
        String path = canonical(entityPath);
        while (true) {
            boolean hasStatic = read(() -> {
                ComponentIndex index = find(path, component);
                return index != null && index.newestStatic().isPresent();
            });
            List<PendingChunks.Pending> needed = pending.rangeCandidates(path, component, timeline, min, max, hasStatic);
            if (needed.isEmpty()) {
                return;
            }
            for (PendingChunks.Pending p : needed) {
                if (!load(p)) {
                    return;
                }
            }
        }
    }

    private void loadEntities(java.util.function.Predicate<EntityPath> selected) {
        if (!pending.isEmpty()) {
            for (PendingChunks.Pending p : pending.ofEntities(selected)) {
                if (!load(p)) {
                    return;
                }
            }
        }
    }

    /**
     * Has {@code p} read (its loader adds it) and takes it off the pending set whatever happened; false, reading
     * nothing, on a thread inside a query of this store (a query's own helpers must not wait for the writer).
     */
    private boolean load(PendingChunks.Pending p) {
        if (lock.getReadHoldCount() > 0 || lock.isWriteLockedByCurrentThread()) {
            return false;
        }
        try {
            p.load();
        } finally {
            pending.resolve(p.entry.chunkId());
        }
        return true;
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
