package io.github.rerun4j.sdk.chunk;

import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowBuffer;
import io.github.rerun4j.sdk.internal.arrow.ArrowFormatException;
import io.github.rerun4j.sdk.internal.arrow.ArrowType;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.internal.arrow.RecordBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chunk to Arrow record batch and back, following Rerun's "Sorbet" 0.1.3 layout: row-id column first,
 * then the index (timeline) columns, then the component columns, each role named by {@code rerun:kind}.
 *
 * <pre>{@code
 * RecordBatch batch = ChunkCodec.toRecordBatch(chunk);
 * Chunk back = ChunkCodec.fromRecordBatch(batch);
 * }</pre>
 */
public final class ChunkCodec {

    /** The Sorbet layout version written into the schema metadata ({@code sorbet:version}). */
    public static final String SORBET_VERSION = "0.1.3";
    /** Name of the row id column. */
    public static final String ROW_ID_FIELD = "rerun.controls.RowId";

    private ChunkCodec() {
    }

    /** The chunk as one Arrow record batch in Rerun's layout; pixel buffers are referenced, not copied. */
    public static RecordBatch toRecordBatch(Chunk chunk) {
        Map<String, String> schemaMetadata = new LinkedHashMap<>();
        schemaMetadata.put("rerun:entity_path", chunk.entityPath());
        schemaMetadata.put("rerun:id", "chunk_" + chunk.id());
        schemaMetadata.put("sorbet:version", SORBET_VERSION);

        List<Field> fields = new ArrayList<>();
        List<ArrowArray> columns = new ArrayList<>();
        int rows = chunk.rowCount();

        Map<String, String> rowIdMetadata = new LinkedHashMap<>();
        rowIdMetadata.put("ARROW:extension:metadata", "{\"namespace\":\"row\"}");
        rowIdMetadata.put("ARROW:extension:name", "rerun.datatypes.TUID");
        rowIdMetadata.put("rerun:kind", "control");
        if (isStrictlyIncreasing(chunk.rowIds())) {
            rowIdMetadata.put("rerun:is_sorted", "true");
        }
        fields.add(new Field(ROW_ID_FIELD, new ArrowType.FixedSizeBinary(Tuid.BYTES), false, rowIdMetadata, List.of()));
        ByteBuffer ids = ByteBuffer.allocate(rows * Tuid.BYTES);
        chunk.rowIds().forEach(id -> id.write(ids));
        columns.add(ArrowArray.primitive(rows, ArrowBuffer.of(ids.flip())));

        List<TimeColumn> timelines = new ArrayList<>(chunk.timelines());
        timelines.sort(Comparator.comparing(t -> t.timeline().name()));
        for (TimeColumn t : timelines) {
            Map<String, String> md = new LinkedHashMap<>();
            md.put("rerun:index_name", t.timeline().name());
            if (t.isSorted()) {
                md.put("rerun:is_sorted", "true");
            }
            md.put("rerun:kind", "index");
            fields.add(new Field(t.timeline().name(), t.timeline().type().arrowType(), true, md, List.of()));
            columns.add(ArrowArray.primitive(rows, ArrowBuffer.ofLongs(t.times())));
        }

        for (ComponentColumn c : chunk.components()) {
            ComponentDescriptor d = c.descriptor();
            Map<String, String> md = new LinkedHashMap<>();
            if (d.archetype() != null) {
                md.put("rerun:archetype", d.archetype());
            }
            md.put("rerun:component", d.component());
            if (d.componentType() != null) {
                md.put("rerun:component_type", d.componentType());
            }
            md.put("rerun:kind", "data");
            fields.add(new Field(d.component(), ArrowType.LIST, true, md, List.of(c.itemField())));
            columns.add(c.lists());
        }
        return new RecordBatch(schemaMetadata, fields, columns, rows);
    }

    /** A chunk from a record batch in Rerun's layout; unknown components are kept as opaque columns. */
    public static Chunk fromRecordBatch(RecordBatch batch) throws ArrowFormatException {
        Map<String, String> md = batch.metadata();
        String idText = md.getOrDefault("rerun:id", md.get("rerun.id"));
        if (idText == null) {
            throw new ArrowFormatException("not a Rerun chunk: missing chunk id (schema metadata 'rerun:id')");
        }
        Tuid id;
        try {
            id = Tuid.parse(idText);
        } catch (IllegalArgumentException e) {
            throw new ArrowFormatException("invalid chunk id 'rerun:id' = '" + idText + "'");
        }
        String entityPath = md.getOrDefault("rerun:entity_path", md.get("rerun.entity_path"));
        if (entityPath == null) {
            throw new ArrowFormatException("chunk " + idText + ": missing 'rerun:entity_path'");
        }

        List<Tuid> rowIds = null;
        List<TimeColumn> timelines = new ArrayList<>();
        List<ComponentColumn> components = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int phase = 0; // 0 row id, 1 indexes, 2 components: Rerun rejects any other order
        for (int i = 0; i < batch.fields().size(); i++) {
            Field f = batch.fields().get(i);
            ArrowArray a = batch.columns().get(i);
            String kind = f.metadata().getOrDefault("rerun:kind", f.metadata().getOrDefault("rerun.kind", "data"));
            switch (kind) {
                case "control", "row_id" -> {
                    if (rowIds != null || phase > 0) {
                        throw new ArrowFormatException("chunk " + idText + ": row-id column '" + f.name() + "' is not the only, first column");
                    }
                    rowIds = readRowIds(f, a, idText);
                    phase = 1;
                }
                case "index", "time" -> {
                    if (phase != 1) {
                        throw new ArrowFormatException("chunk " + idText + ": invalid column order at index column '" + f.name() + "'");
                    }
                    String name = f.metadata().getOrDefault("rerun:index_name", f.name());
                    TimeType type = TimeType.fromArrowType(f.type());
                    if (type == null) {
                        throw new ArrowFormatException("chunk " + idText + ": unsupported time type " + f.type() + " of timeline '" + name + "'");
                    }
                    if (a.nullCount() > 0) {
                        throw new ArrowFormatException("chunk " + idText + ": time column '" + name + "' has nulls");
                    }
                    if (!seen.add("index:" + name)) {
                        throw new ArrowFormatException("chunk " + idText + ": timeline '" + name + "' appears twice");
                    }
                    long[] times = new long[a.length()];
                    a.values().asLongBuffer().get(times);
                    timelines.add(new TimeColumn(new Timeline(name, type), times));
                }
                case "data", "component" -> {
                    if (phase == 0) {
                        throw new ArrowFormatException("chunk " + idText + ": invalid column order, component '" + f.name() + "' before the row ids");
                    }
                    phase = 2;
                    components.add(readComponent(f, a, idText, seen));
                }
                default -> throw new ArrowFormatException("chunk " + idText + ": unknown column kind 'rerun:kind' = '" + kind + "' on '" + f.name() + "'");
            }
        }
        if (rowIds == null) {
            throw new ArrowFormatException("chunk " + idText + ": no row-id column");
        }
        try {
            return new Chunk(id, entityPath, rowIds, timelines, components);
        } catch (IllegalArgumentException e) {
            throw new ArrowFormatException(e.getMessage());
        }
    }

    private static List<Tuid> readRowIds(Field f, ArrowArray a, String chunk) throws ArrowFormatException {
        if (!(f.type() instanceof ArrowType.FixedSizeBinary fsb) || fsb.byteWidth() != Tuid.BYTES) {
            throw new ArrowFormatException("chunk " + chunk + ": row-id column has type " + f.type() + ", expected FixedSizeBinary(16)");
        }
        ByteBuffer bytes = a.values();
        List<Tuid> ids = new ArrayList<>(a.length());
        for (int row = 0; row < a.length(); row++) {
            ids.add(Tuid.read(bytes));
        }
        return ids;
    }

    private static ComponentColumn readComponent(Field f, ArrowArray a, String chunk, Set<String> seen) throws ArrowFormatException {
        Map<String, String> md = f.metadata();
        String identifier = md.getOrDefault("rerun:component", f.name());
        if (!seen.add("component:" + identifier)) {
            throw new ArrowFormatException("chunk " + chunk + ": component '" + identifier + "' appears twice");
        }
        ComponentDescriptor d = new ComponentDescriptor(md.get("rerun:archetype"), identifier, md.get("rerun:component_type"));
        if (f.type() instanceof ArrowType.List) {
            return new ComponentColumn(d, f.children().get(0), a);
        }
        // Rerun wraps a non-list column into one instance per row; do the same so readers see one shape.
        int[] offsets = new int[a.length() + 1];
        for (int i = 0; i < a.length(); i++) {
            offsets[i + 1] = i + 1;
        }
        Field item = f.withName("item").withMetadata(Map.of());
        return new ComponentColumn(d, item, ArrowArray.list(a.length(), null, offsets, a));
    }

    private static boolean isStrictlyIncreasing(List<Tuid> ids) {
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i).compareTo(ids.get(i - 1)) <= 0) {
                return false;
            }
        }
        return true;
    }
}
