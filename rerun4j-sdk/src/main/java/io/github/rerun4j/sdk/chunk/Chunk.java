package io.github.rerun4j.sdk.chunk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rows of component data for one entity: the one currency between the SDK's writer, the reader and
 * everything above. A chunk without timelines is static (timeless).
 *
 * <pre>{@code
 * for (LogMessage message : LogMessageReader.readAll(Path.of("depth.rrd"))) {
 *     if (message instanceof LogMessage.ChunkMessage c) {
 *         System.out.println(c.chunk().entityPath() + ": " + c.chunk().rowCount() + " rows");
 *     }
 * }
 * }</pre>
 *
 * @param id         unique chunk id
 * @param entityPath canonical entity path, e.g. {@code /world/camera}
 * @param rowIds     one id per row
 * @param timelines  one column per timeline, each with one time per row
 * @param components one column per component, each with one list per row
 */
public record Chunk(Tuid id, String entityPath, List<Tuid> rowIds, List<TimeColumn> timelines,
                    List<ComponentColumn> components) {

    /** Copies the lists and checks that every column has one entry per row id. */
    public Chunk {
        Objects.requireNonNull(id, "Chunk.id");
        Objects.requireNonNull(entityPath, "Chunk.entityPath");
        rowIds = List.copyOf(rowIds);
        timelines = List.copyOf(timelines);
        components = List.copyOf(components);
        for (TimeColumn t : timelines) {
            if (t.length() != rowIds.size()) {
                throw new IllegalArgumentException("Chunk " + entityPath + ": timeline " + t.timeline().name() + " has "
                        + t.length() + " rows, expected " + rowIds.size());
            }
        }
        for (ComponentColumn c : components) {
            if (c.rowCount() != rowIds.size()) {
                throw new IllegalArgumentException("Chunk " + entityPath + ": component " + c.descriptor().component()
                        + " has " + c.rowCount() + " rows, expected " + rowIds.size());
            }
        }
    }

    /** Number of rows. */
    public int rowCount() {
        return rowIds.size();
    }

    /** True when the chunk has no timeline: its rows hold at every time. */
    public boolean isStatic() {
        return timelines.isEmpty();
    }

    /** The column of timeline {@code name}, if the chunk has one. */
    public Optional<TimeColumn> timeline(String name) {
        return timelines.stream().filter(t -> t.timeline().name().equals(name)).findFirst();
    }

    /** The column of component {@code identifier} (e.g. {@code "DepthImage:meter"}), if the chunk has one. */
    public Optional<ComponentColumn> component(String identifier) {
        return components.stream().filter(c -> c.descriptor().component().equals(identifier)).findFirst();
    }

    /** Time of {@code row} on every timeline, by timeline name. */
    public Map<String, Long> timePoint(int row) {
        java.util.LinkedHashMap<String, Long> point = new java.util.LinkedHashMap<>();
        for (TimeColumn t : timelines) {
            point.put(t.timeline().name(), t.time(row));
        }
        return point;
    }

    @Override
    public String toString() {
        return "Chunk[" + entityPath + ", " + rowIds.size() + " rows, " + (isStatic() ? "static" : "timelines="
                + timelines.stream().map(t -> t.timeline().name()).toList()) + ", components="
                + components.stream().map(c -> c.descriptor().component()).toList() + "]";
    }
}
