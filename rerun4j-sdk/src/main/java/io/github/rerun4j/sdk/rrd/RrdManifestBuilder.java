package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowBuffer;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcWriter;
import io.github.rerun4j.sdk.internal.arrow.ArrowType;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.internal.arrow.RecordBatch;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@code RrdManifest} of one store, as Rerun's encoder (0.33 to 0.36) does when it closes a file: one
 * row per chunk with its entity, id, static flag, row count, where its ArrowMsg payload lies in the file
 * ({@code chunk_byte_offset}/{@code chunk_byte_size}, after the 16-byte message header) and its IPC size; then,
 * per component, {@code :has_static_data}; per timeline, the chunk's {@code :start}/{@code :end}; and per
 * timeline and component, the time range of the rows that hold the component and how many do
 * ({@code :start}/{@code :end}/{@code :num_rows}). Times of chunks a column does not concern are null. Column
 * names and metadata follow Rerun's {@code RawRrdManifest}; the recording's schema (every column of every
 * chunk, as a dataframe names them) and its SHA-256 go with it.
 *
 * <p>Memory: a few small objects per chunk; the chunk itself is not kept.
 */
public final class RrdManifestBuilder {

    /** A component as Rerun orders them in a manifest: archetype (absent first), component, component type. */
    private static final Comparator<ComponentDescriptor> DESCRIPTOR_ORDER = Comparator
            .comparing(ComponentDescriptor::archetype, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(ComponentDescriptor::component)
            .thenComparing(ComponentDescriptor::componentType, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private static final String CLEAR_ARCHETYPE = "rerun.archetypes.Clear";

    private final StoreId storeId;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Timeline> timelines = new TreeMap<>();
    private final Map<ComponentDescriptor, Boolean> components = new TreeMap<>(DESCRIPTOR_ORDER);
    private final Map<TimelineComponent, Boolean> timelineComponents = new TreeMap<>();
    /** The recording's schema: dataframe column name -> field, static ("any") and semantically empty ("all"). */
    private final Map<String, SchemaColumn> schema = new LinkedHashMap<>();

    private record Row(String entityPath, Tuid id, boolean isStatic, long numRows, long offset, long size,
                       long sizeUncompressed, Map<String, long[]> timeRanges,
                       Map<TimelineComponent, long[]> componentRanges, java.util.Set<ComponentDescriptor> descriptors) {
    }

    private record TimelineComponent(String timeline, ComponentDescriptor component) implements Comparable<TimelineComponent> {
        @Override
        public int compareTo(TimelineComponent o) {
            int byTimeline = timeline.compareTo(o.timeline);
            return byTimeline != 0 ? byTimeline : DESCRIPTOR_ORDER.compare(component, o.component);
        }
    }

    private static final class SchemaColumn {
        final Field field;
        boolean isStatic;
        boolean semanticallyEmpty;

        SchemaColumn(Field field, boolean isStatic, boolean semanticallyEmpty) {
            this.field = field;
            this.isStatic = isStatic;
            this.semanticallyEmpty = semanticallyEmpty;
        }
    }

    public RrdManifestBuilder(StoreId storeId) {
        this.storeId = Objects.requireNonNull(storeId, "storeId");
    }

    public StoreId storeId() {
        return storeId;
    }

    /** Chunks appended so far. */
    public int chunkCount() {
        return rows.size();
    }

    /**
     * Adds the row of a chunk just written.
     *
     * @param chunk            the chunk
     * @param chunkFields      the fields of its record batch ({@link ChunkCodec#toRecordBatch})
     * @param payloadOffset    the file offset of its ArrowMsg payload (the byte after the message header)
     * @param payloadSize      that payload's length (the message header's {@code len})
     * @param uncompressedSize the length of its Arrow IPC stream (the ArrowMsg's {@code uncompressed_size})
     */
    public void append(Chunk chunk, List<Field> chunkFields, long payloadOffset, long payloadSize, long uncompressedSize) {
        Map<String, long[]> timeRanges = new HashMap<>();
        Map<TimelineComponent, long[]> componentRanges = new HashMap<>();
        for (ComponentColumn column : chunk.components()) {
            components.putIfAbsent(column.descriptor(), Boolean.TRUE);
        }
        for (TimeColumn time : chunk.timelines()) {
            timelines.putIfAbsent(time.timeline().name(), time.timeline());
            if (time.length() > 0) {
                timeRanges.put(time.timeline().name(), new long[] {time.min(), time.max()});
            }
            for (ComponentColumn column : chunk.components()) {
                TimelineComponent key = new TimelineComponent(time.timeline().name(), column.descriptor());
                timelineComponents.putIfAbsent(key, Boolean.TRUE);
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                long count = 0;
                for (int row = 0; row < chunk.rowCount(); row++) {
                    if (!column.isNull(row)) {
                        min = Math.min(min, time.time(row));
                        max = Math.max(max, time.time(row));
                        count++;
                    }
                }
                componentRanges.put(key, count == 0 ? new long[] {0, 0, 0, 0} : new long[] {min, max, count, 1});
            }
        }
        rows.add(new Row(chunk.entityPath(), chunk.id(), chunk.isStatic(), chunk.rowCount(), payloadOffset, payloadSize,
                uncompressedSize, timeRanges, componentRanges,
                java.util.Set.copyOf(chunk.components().stream().map(ComponentColumn::descriptor).toList())));
        addToSchema(chunk, chunkFields);
    }

    /** The manifest as the {@code RrdManifest} protobuf message. */
    byte[] encode() {
        byte[] schemaIpc = ArrowIpcWriter.writeSchema(Map.of(), schemaFields());
        ProtoWriter manifest = new ProtoWriter()
                .bytes(1, RrdEncoder.storeId(storeId))
                .bytes(2, new ProtoWriter().bytes(1, schemaIpc).toByteArray())
                .bytes(3, schemaSha256())
                .bytes(4, DataframePart.lz4(data()));
        return manifest.toByteArray();
    }

    /** The manifest's rows as a record batch (Rerun's column order: global, static, per timeline, per component). */
    RecordBatch data() {
        int n = rows.size();
        List<Field> fields = new ArrayList<>();
        List<ArrowArray> columns = new ArrayList<>();
        fields.add(Field.of(RrdManifest.CHUNK_ENTITY_PATH, ArrowType.UTF8, false));
        columns.add(ArrowArray.utf8(rows.stream().map(Row::entityPath).toList()));
        fields.add(Field.of(RrdManifest.CHUNK_ID, new ArrowType.FixedSizeBinary(Tuid.BYTES), false));
        ByteBuffer ids = ByteBuffer.allocate(n * Tuid.BYTES);
        rows.forEach(r -> r.id().write(ids));
        columns.add(ArrowArray.primitive(n, ArrowBuffer.of(ids.flip())));
        fields.add(Field.of(RrdManifest.CHUNK_IS_STATIC, ArrowType.BOOL, false));
        columns.add(booleans(rows.stream().map(Row::isStatic).toList()));
        addUInt64(fields, columns, RrdManifest.CHUNK_NUM_ROWS, rows.stream().mapToLong(Row::numRows).toArray());
        addUInt64(fields, columns, RrdManifest.CHUNK_BYTE_OFFSET, rows.stream().mapToLong(Row::offset).toArray());
        addUInt64(fields, columns, RrdManifest.CHUNK_BYTE_SIZE, rows.stream().mapToLong(Row::size).toArray());
        addUInt64(fields, columns, RrdManifest.CHUNK_BYTE_SIZE_UNCOMPRESSED,
                rows.stream().mapToLong(Row::sizeUncompressed).toArray());

        for (ComponentDescriptor d : components.keySet()) {
            Map<String, String> md = componentMetadata("rerun:static", d);
            fields.add(new Field(columnName(null, d, "has_static_data"), ArrowType.BOOL, false, md, List.of()));
            columns.add(booleans(rows.stream().map(r -> r.isStatic() && hasComponent(r, d)).toList()));
        }
        for (Timeline t : timelines.values()) {
            Map<String, String> md = new TreeMap<>(Map.of("rerun:index", t.name()));
            long[][] ranges = rows.stream().map(r -> r.timeRanges().get(t.name())).toArray(long[][]::new);
            fields.add(new Field(columnName(t.name(), null, "start"), t.type().arrowType(), true, md, List.of()));
            columns.add(times(ranges, 0));
            fields.add(new Field(columnName(t.name(), null, "end"), t.type().arrowType(), true, md, List.of()));
            columns.add(times(ranges, 1));
        }
        for (TimelineComponent tc : timelineComponents.keySet()) {
            // Every timeline a component was seen on was registered with it.
            Timeline t = java.util.Objects.requireNonNull(timelines.get(tc.timeline()), tc.timeline());
            Map<String, String> md = componentMetadata(t.name(), tc.component());
            long[][] ranges = rows.stream().map(r -> {
                long[] range = r.componentRanges().get(tc);
                return range == null || range[3] == 0 ? null : range;
            }).toArray(long[][]::new);
            fields.add(new Field(columnName(t.name(), tc.component(), "start"), t.type().arrowType(), true, md, List.of()));
            columns.add(times(ranges, 0));
            fields.add(new Field(columnName(t.name(), tc.component(), "end"), t.type().arrowType(), true, md, List.of()));
            columns.add(times(ranges, 1));
            fields.add(new Field(columnName(t.name(), tc.component(), "num_rows"), ArrowType.UINT64, true, md, List.of()));
            columns.add(ArrowArray.primitive(n, ArrowBuffer.ofLongs(rows.stream().mapToLong(r -> {
                long[] range = r.componentRanges().get(tc);
                return range == null ? 0 : range[2];
            }).toArray())));
        }
        return new RecordBatch(Map.of(), fields, columns, n);
    }

    private static boolean hasComponent(Row row, ComponentDescriptor d) {
        return row.descriptors().contains(d);
    }

    /**
     * Rerun's manifest column name: {@code [timeline:][ArchetypeShortName:]field[:suffix]}, with {@code , -.\}
     * replaced by {@code _} and leading underscores dropped.
     */
    static String columnName(@Nullable String timeline, @Nullable ComponentDescriptor d, String suffix) {
        List<String> parts = new ArrayList<>();
        if (timeline != null) {
            parts.add(timeline);
        }
        if (d != null) {
            String shortName = d.archetype() == null ? null : archetypeShortName(d.archetype());
            if (shortName != null) {
                parts.add(shortName);
            }
            String field = shortName != null && d.component().startsWith(shortName + ":")
                    ? d.component().substring(shortName.length() + 1) : d.component();
            parts.add(field);
        }
        parts.add(suffix);
        String joined = String.join(":", parts.stream().filter(s -> !s.isEmpty()).toList());
        String sanitized = joined.replaceAll("[, \\-.\\\\]", "_");
        int start = 0;
        while (start < sanitized.length() && sanitized.charAt(start) == '_') {
            start++;
        }
        return sanitized.substring(start);
    }

    static String archetypeShortName(String archetype) {
        for (String prefix : List.of("rerun.archetypes.", "rerun.blueprint.archetypes.", "rerun.")) {
            if (archetype.startsWith(prefix)) {
                return archetype.substring(prefix.length());
            }
        }
        return archetype;
    }

    private static Map<String, String> componentMetadata(String index, ComponentDescriptor d) {
        Map<String, String> md = new TreeMap<>();
        md.put("rerun:index", index);
        if (d.componentType() != null) {
            md.put("rerun:component_type", d.componentType());
        }
        if (d.archetype() != null) {
            md.put("rerun:archetype", d.archetype());
        }
        md.put("rerun:component", d.component());
        return md;
    }

    private static void addUInt64(List<Field> fields, List<ArrowArray> columns, String name, long[] values) {
        fields.add(Field.of(name, ArrowType.UINT64, false));
        columns.add(ArrowArray.primitive(values.length, ArrowBuffer.ofLongs(values)));
    }

    private static ArrowArray booleans(List<Boolean> values) {
        byte[] bits = new byte[(values.size() + 7) / 8];
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i)) {
                bits[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        return ArrowArray.primitive(values.size(), ArrowBuffer.of(bits));
    }

    /** Element {@code which} (0 start, 1 end) of each range; a missing range is null. */
    private static ArrowArray times(long[][] ranges, int which) {
        long[] values = new long[ranges.length];
        boolean[] valid = new boolean[ranges.length];
        boolean anyNull = false;
        for (int i = 0; i < ranges.length; i++) {
            valid[i] = ranges[i] != null;
            anyNull |= !valid[i];
            values[i] = valid[i] ? ranges[i][which] : 0;
        }
        ArrowBuffer buffer = ArrowBuffer.ofLongs(values);
        return anyNull ? ArrowArray.primitive(values.length, valid, buffer) : ArrowArray.primitive(values.length, buffer);
    }

    // ---- the recording's schema (Rerun's SchemaBuilder over every chunk) ----

    private void addToSchema(Chunk chunk, List<Field> chunkFields) {
        for (Field f : chunkFields) {
            String kind = f.metadata().get("rerun:kind");
            if ("data".equals(kind)) {
                ComponentColumn column = chunk.component(f.name()).orElse(null);
                boolean empty = column != null && semanticallyEmpty(column);
                String entity = chunk.entityPath();
                String name = dataframeName(entity, f.name());
                SchemaColumn existing = schema.get(name);
                if (existing == null) {
                    Map<String, String> md = new TreeMap<>(f.metadata());
                    md.put("rerun:entity_path", entity);
                    schema.put(name, new SchemaColumn(new Field(name, f.type(), true, md, f.children()), chunk.isStatic(), empty));
                } else {
                    existing.isStatic |= chunk.isStatic();
                    existing.semanticallyEmpty &= empty;
                }
            } else if (!schema.containsKey(f.name())) {
                Map<String, String> md = new TreeMap<>(f.metadata());
                md.remove("rerun:is_sorted");
                schema.put(f.name(), new SchemaColumn(new Field(f.name(), f.type(), f.nullable(), md, f.children()), false, false));
            }
        }
    }

    /** A component column's name in a dataframe: entity path, then the component (properties by Rerun's rule). */
    private static String dataframeName(String entityPath, String component) {
        String properties = "/__properties";
        String prefix = entityPath;
        if (entityPath.equals(properties)) {
            prefix = "property";
        } else if (entityPath.startsWith(properties + "/")) {
            prefix = "property:" + entityPath.substring(properties.length() + 1);
        }
        return prefix + ":" + component;
    }

    /** Every row null or an empty list. */
    private static boolean semanticallyEmpty(ComponentColumn column) {
        for (int row = 0; row < column.rowCount(); row++) {
            if (!column.isNull(row) && column.count(row) > 0) {
                return false;
            }
        }
        return true;
    }

    List<Field> schemaFields() {
        List<Field> fields = new ArrayList<>();
        for (SchemaColumn c : schema.values()) {
            if (!"data".equals(c.field.metadata().get("rerun:kind"))) {
                fields.add(c.field);
                continue;
            }
            Map<String, String> md = new TreeMap<>(c.field.metadata());
            md.remove("rerun:is_sorted");
            if (c.isStatic) {
                md.put("rerun:is_static", "true");
            }
            if (c.semanticallyEmpty) {
                md.put("rerun:is_semantically_empty", "true");
            }
            if (CLEAR_ARCHETYPE.equals(md.get("rerun:archetype"))) {
                md.put("rerun:is_tombstone", "true");
            }
            fields.add(c.field.withMetadata(md));
        }
        return fields;
    }

    /** SHA-256 of the schema's IPC bytes, fields sorted by name and no schema metadata (as Rerun hashes it). */
    byte[] schemaSha256() {
        List<Field> sorted = new ArrayList<>(schemaFields());
        sorted.sort(Comparator.comparing(Field::name));
        try {
            return MessageDigest.getInstance("SHA-256").digest(ArrowIpcWriter.writeSchema(Map.of(), sorted));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
