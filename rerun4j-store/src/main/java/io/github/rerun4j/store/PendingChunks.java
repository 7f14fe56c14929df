package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.types.EntityPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The chunks a footer's manifest announced that are not read yet, indexed the way queries ask: per entity and
 * component, the static chunks holding it and, per timeline, the time span of the rows holding it. A query asks
 * here which announced chunks could change its answer and has exactly those read ({@link ChunkStore}); a
 * chunk leaves when it is added, or when reading it failed.
 *
 * <p>Thread-safe: every method holds this object's monitor; {@link Pending#load} holds the pending chunk's own,
 * so a chunk two threads need is read once and the second waits for it.
 */
final class PendingChunks {

    /** One announced chunk. */
    static final class Pending {
        final RrdManifest.Entry entry;
        private final EntityPath path;
        private final ChunkLoader loader;
        private final int fileOrder;
        private boolean resolved;  // guarded by PendingChunks.this
        private boolean loaded;    // guarded by this

        private Pending(RrdManifest.Entry entry, EntityPath path, ChunkLoader loader, int fileOrder) {
            this.entry = entry;
            this.path = path;
            this.loader = loader;
            this.fileOrder = fileOrder;
        }

        /** Reads the chunk once (the loader adds it to the store); a second caller waits for the first. */
        synchronized void load() {
            if (!loaded) {
                loaded = true;
                loader.load(entry);
            }
        }

        @Override
        public String toString() {
            return "Pending[" + entry.entityPath() + " at byte " + entry.byteOffset() + "]";
        }
    }

    /** The rows of one pending chunk that hold one component on one timeline span {@code [min, max]}. */
    private record Span(long min, long max, Pending pending) {
    }

    /** Where one component of one entity still has pending rows. */
    private static final class ComponentPending {
        final List<Pending> statics = new ArrayList<>();
        final Map<String, List<Span>> spans = new HashMap<>();
    }

    private static final Comparator<Span> BY_MIN = Comparator.comparingLong(Span::min);

    private final Map<Tuid, Pending> byId = new HashMap<>();
    private final Map<String, Map<String, ComponentPending>> index = new HashMap<>();
    private final Map<String, TimeType> timelineTypes = new LinkedHashMap<>();
    private volatile int size;
    private int resolvedSinceCompaction;
    private int added;
    private Map<String, TimelineInfo> timelinesCache;

    /** Announces {@code entry} unless it is pending already; true if it was added. */
    synchronized boolean add(RrdManifest.Entry entry, ChunkLoader loader, Map<String, TimeType> types) {
        if (byId.containsKey(entry.chunkId())) {
            return false;
        }
        EntityPath path = EntityPath.parse(entry.entityPath());
        Pending p = new Pending(entry, path, loader, added++);
        byId.put(entry.chunkId(), p);
        types.forEach(timelineTypes::putIfAbsent);
        Map<String, ComponentPending> components = index.computeIfAbsent(path.toString(), k -> new HashMap<>());
        if (entry.isStatic()) {
            for (String component : entry.staticComponents()) {
                components.computeIfAbsent(component, k -> new ComponentPending()).statics.add(p);
            }
        }
        entry.componentTimeRanges().forEach((component, ranges) -> ranges.forEach((timeline, range) -> {
            List<Span> spans = components.computeIfAbsent(component, k -> new ComponentPending()).spans
                    .computeIfAbsent(timeline, k -> new ArrayList<>());
            Span span = new Span(range.min(), range.max(), p);
            int at = spans.size();
            while (at > 0 && BY_MIN.compare(spans.get(at - 1), span) > 0) {
                at--;  // chunks come in file order, mostly in time order too: nearly always appended
            }
            spans.add(at, span);
        }));
        size = byId.size();
        timelinesCache = null;
        return true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /**
     * Marks chunk {@code id} read (or failed): no query waits for it any more.
     *
     * @return true if it was pending
     */
    synchronized boolean resolve(Tuid id) {
        Pending p = byId.remove(id);
        if (p == null) {
            return false;
        }
        p.resolved = true;
        size = byId.size();
        timelinesCache = null;
        if (byId.isEmpty()) {
            index.clear();
            resolvedSinceCompaction = 0;
        } else if (++resolvedSinceCompaction > byId.size()) {
            compact();
        }
        return true;
    }

    /** Forgets every pending chunk: they will not be read (the recording stopped loading). */
    synchronized void clear() {
        byId.values().forEach(p -> p.resolved = true);
        byId.clear();
        index.clear();
        size = 0;
        timelinesCache = null;
    }

    /**
     * A pending chunk that could hold a better latest-at answer for {@code component} of {@code entity} at
     * {@code time} than {@code found}: a static one if any (static rows shadow, and a newer one may be pending);
     * else, unless {@code found} is static, the temporal one whose rows reach nearest to {@code time} at or after
     * {@code found}'s time. Null when none can change the answer.
     */
    synchronized Pending latestAtCandidate(String entity, String component, String timeline, long time, RowRef found) {
        ComponentPending c = component(entity, component);
        if (c == null) {
            return null;
        }
        for (Pending p : c.statics) {
            if (!p.resolved) {
                return p;
            }
        }
        if (timeline == null || (found != null && found.isStatic())) {
            return null;
        }
        List<Span> spans = c.spans.get(timeline);
        if (spans == null) {
            return null;
        }
        long floor = found == null ? Long.MIN_VALUE : found.time().orElse(Long.MIN_VALUE);
        Span best = null;
        long bestReach = Long.MIN_VALUE;
        for (int i = lastStartingAtOrBefore(spans, time); i >= 0; i--) {
            Span s = spans.get(i);
            long reach = Math.min(s.max(), time);
            // Ties matter: a row at found's own time may have a larger row id.
            if (!s.pending().resolved && reach >= floor && (best == null || reach > bestReach)) {
                best = s;
                bestReach = reach;
                if (reach == time) {
                    break;  // nothing reaches further
                }
            }
        }
        return best == null ? null : best.pending();
    }

    /**
     * The pending chunks a range query of {@code component} of {@code entity} needs: the static ones if any,
     * else (unless {@code hasStatic}: static data shadows) those with rows on {@code timeline} in
     * {@code [min, max]}.
     */
    synchronized List<Pending> rangeCandidates(String entity, String component, String timeline, long min, long max,
                                               boolean hasStatic) {
        ComponentPending c = component(entity, component);
        if (c == null) {
            return List.of();
        }
        List<Pending> out = new ArrayList<>();
        for (Pending p : c.statics) {
            if (!p.resolved) {
                out.add(p);
            }
        }
        if (!out.isEmpty() || hasStatic || timeline == null) {
            return out;
        }
        List<Span> spans = c.spans.getOrDefault(timeline, List.of());
        for (int i = lastStartingAtOrBefore(spans, max); i >= 0; i--) {
            Span s = spans.get(i);
            if (!s.pending().resolved && s.max() >= min) {
                out.add(s.pending());
            }
        }
        return out;
    }

    /** The pending chunks of the entities {@code selected} accepts, in file order. */
    synchronized List<Pending> ofEntities(Predicate<EntityPath> selected) {
        List<Pending> out = new ArrayList<>();
        for (Pending p : byId.values()) {
            if (selected.test(p.path)) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingInt(p -> p.fileOrder));
        return out;
    }

    /** The rows of the pending chunks. */
    synchronized long rows() {
        return byId.values().stream().mapToLong(p -> p.entry.numRows()).sum();
    }

    /** Per timeline, the rows of the pending chunks: what the timeline will hold once they are read. */
    synchronized Map<String, TimelineInfo> timelines() {
        if (timelinesCache == null) {
            Map<String, TimelineInfo> out = new HashMap<>();
            for (Pending p : byId.values()) {
                p.entry.timeRanges().forEach((timeline, range) -> {
                    TimeType type = timelineTypes.get(timeline);
                    if (type != null) {
                        TimelineInfo add = new TimelineInfo(type, range.min(), range.max(), p.entry.numRows());
                        out.merge(timeline, add, (old, more) -> old.plus(more.min(), more.max(), more.rowCount()));
                    }
                });
            }
            timelinesCache = Map.copyOf(out);
        }
        return timelinesCache;
    }

    private ComponentPending component(String entity, String component) {
        Map<String, ComponentPending> components = index.get(entity);
        return components == null ? null : components.get(component);
    }

    /** Index of the last span with {@code min <= time}, or -1. */
    private static int lastStartingAtOrBefore(List<Span> spans, long time) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).min() <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** Drops read chunks from the lists, so that scans stay proportional to what is still pending. */
    private void compact() {
        for (Map<String, ComponentPending> components : index.values()) {
            for (ComponentPending c : components.values()) {
                c.statics.removeIf(p -> p.resolved);
                c.spans.values().forEach(spans -> spans.removeIf(s -> s.pending().resolved));
            }
        }
        resolvedSinceCompaction = 0;
    }
}
