package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowType;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.internal.arrow.RecordBatch;
import io.github.rerun4j.sdk.chunk.Tuid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One store's manifest read from a footer ({@link RrdFooter#read}): where each chunk lies in the file and the
 * time range it covers per timeline, so a reader can find chunks without decoding the file.
 *
 * @param storeId the store
 * @param fields  the manifest's columns as written (names, types, metadata)
 * @param chunks  one entry per chunk, in file order
 */
public record RrdManifest(StoreId storeId, List<Field> fields, List<Entry> chunks) {

    public static final String CHUNK_ENTITY_PATH = "chunk_entity_path";
    public static final String CHUNK_ID = "chunk_id";
    public static final String CHUNK_IS_STATIC = "chunk_is_static";
    public static final String CHUNK_NUM_ROWS = "chunk_num_rows";
    public static final String CHUNK_BYTE_OFFSET = "chunk_byte_offset";
    public static final String CHUNK_BYTE_SIZE = "chunk_byte_size";
    public static final String CHUNK_BYTE_SIZE_UNCOMPRESSED = "chunk_byte_size_uncompressed";

    /** An inclusive time range. */
    public record TimeRange(long min, long max) {
    }

    /**
     * One chunk.
     *
     * @param byteOffset           the file offset of its ArrowMsg payload (after the 16-byte message header)
     * @param byteSize             that payload's length
     * @param byteSizeUncompressed its Arrow IPC stream's length
     * @param timeRanges           per timeline of the chunk, the range of its rows' times
     * @param componentTimeRanges  per component identifier ({@code DepthImage:buffer}) and timeline, the range of the
     *                             times of the rows in which the component is not null (absent: no such row)
     * @param staticComponents     the components of a static chunk (its {@code has_static_data} columns)
     */
    public record Entry(String entityPath, Tuid chunkId, boolean isStatic, long numRows, long byteOffset, long byteSize,
                        long byteSizeUncompressed, Map<String, TimeRange> timeRanges,
                        Map<String, Map<String, TimeRange>> componentTimeRanges, Set<String> staticComponents) {
        public Entry {
            Objects.requireNonNull(entityPath, "entityPath");
            Objects.requireNonNull(chunkId, "chunkId");
            timeRanges = Map.copyOf(timeRanges);
            Map<String, Map<String, TimeRange>> copy = new LinkedHashMap<>();
            componentTimeRanges.forEach((component, ranges) -> copy.put(component, Map.copyOf(ranges)));
            componentTimeRanges = Collections.unmodifiableMap(copy);
            staticComponents = Set.copyOf(staticComponents);
        }

        /** An entry that says nothing about its components (as manifests before per-component columns). */
        public Entry(String entityPath, Tuid chunkId, boolean isStatic, long numRows, long byteOffset, long byteSize,
                     long byteSizeUncompressed, Map<String, TimeRange> timeRanges) {
            this(entityPath, chunkId, isStatic, numRows, byteOffset, byteSize, byteSizeUncompressed, timeRanges, Map.of(), Set.of());
        }
    }

    /**
     * The components the manifest describes, by identifier, with the descriptor its columns carry: every component
     * of every chunk, when the writer followed Rerun's layout (a {@code has_static_data} column per component and
     * {@code start} / {@code end} / {@code num_rows} columns per timeline and component).
     */
    public Map<String, ComponentDescriptor> components() {
        Map<String, ComponentDescriptor> out = new LinkedHashMap<>();
        for (Field f : fields) {
            String component = f.metadata().get("rerun:component");
            if (component != null && f.metadata().containsKey("rerun:index")) {
                out.putIfAbsent(component, new ComponentDescriptor(f.metadata().get("rerun:archetype"), component,
                        f.metadata().get("rerun:component_type")));
            }
        }
        return out;
    }

    /** The timelines of the manifest's chunk-level time columns and their types (those of a known Arrow type). */
    public Map<String, TimeType> timelines() {
        Map<String, TimeType> out = new LinkedHashMap<>();
        for (Field f : fields) {
            String index = f.metadata().get("rerun:index");
            if (index != null && !"rerun:static".equals(index) && !f.metadata().containsKey("rerun:component")) {
                TimeType type = TimeType.fromArrowType(f.type());
                if (type != null) {
                    out.putIfAbsent(index, type);
                }
            }
        }
        return out;
    }

    public RrdManifest {
        Objects.requireNonNull(storeId, "storeId");
        fields = List.copyOf(fields);
        chunks = List.copyOf(chunks);
    }

    /**
     * Decodes an {@code RrdManifest} protobuf whose chunks must all lie before {@code end} (where the End message
     * starts).
     */
    static RrdManifest decode(byte[] bytes, long end) throws IOException {
        ProtoReader in = new ProtoReader(bytes);
        StoreId storeId = null;
        RecordBatch data = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> storeId = storeId(in.readByteArray());
                case 4 -> data = DataframePart.decode(in.readByteArray());
                default -> in.skipField(tag);
            }
        }
        if (storeId == null || data == null) {
            throw new IOException("RrdManifest without " + (storeId == null ? "store_id" : "data"));
        }
        return new RrdManifest(storeId, data.fields(), entries(data, end));
    }

    private static StoreId storeId(byte[] bytes) throws IOException {
        ProtoReader in = new ProtoReader(bytes);
        StoreKind kind = StoreKind.UNSPECIFIED;
        String recording = "";
        String application = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> kind = StoreKind.fromCode(in.readEnum());
                case 2 -> recording = new String(in.readByteArray(), StandardCharsets.UTF_8);
                case 3 -> {
                    ProtoReader app = new ProtoReader(in.readByteArray());
                    for (int t = app.readTag(); t != 0; t = app.readTag()) {
                        if (ProtoReader.fieldNumber(t) == 1) {
                            application = new String(app.readByteArray(), StandardCharsets.UTF_8);
                        } else {
                            app.skipField(t);
                        }
                    }
                }
                default -> in.skipField(tag);
            }
        }
        return new StoreId(kind, recording, application);
    }

    private static List<Entry> entries(RecordBatch data, long end) throws IOException {
        int n = data.length();
        ArrowArray paths = column(data, CHUNK_ENTITY_PATH, ArrowType.UTF8);
        ArrowArray ids = column(data, CHUNK_ID, new ArrowType.FixedSizeBinary(Tuid.BYTES));
        ArrowArray statics = column(data, CHUNK_IS_STATIC, ArrowType.BOOL);
        ByteBuffer rows = longs(column(data, CHUNK_NUM_ROWS, ArrowType.UINT64), n);
        ByteBuffer offsets = longs(column(data, CHUNK_BYTE_OFFSET, ArrowType.UINT64), n);
        ByteBuffer sizes = longs(column(data, CHUNK_BYTE_SIZE, ArrowType.UINT64), n);
        ByteBuffer uncompressed = longs(column(data, CHUNK_BYTE_SIZE_UNCOMPRESSED, ArrowType.UINT64), n);
        // Chunk-level time columns: "<timeline>:start" / ":end" without a component.
        Map<String, ArrowArray[]> times = new LinkedHashMap<>();
        for (int i = 0; i < data.fields().size(); i++) {
            Field f = data.fields().get(i);
            String index = f.metadata().get("rerun:index");
            if (index == null || f.metadata().containsKey("rerun:component") || "rerun:static".equals(index)) {
                continue;
            }
            boolean start = f.name().endsWith(":start");
            if (!start && !f.name().endsWith(":end")) {
                continue;
            }
            times.computeIfAbsent(index, k -> new ArrowArray[2])[start ? 0 : 1] = data.columns().get(i);
        }
        // Component-level columns: "<timeline>:<component>:start" / ":end" and "<component>:has_static_data".
        Map<String, Map<String, ArrowArray[]>> componentTimes = new LinkedHashMap<>();
        Map<String, ArrowArray> staticFlags = new LinkedHashMap<>();
        for (int i = 0; i < data.fields().size(); i++) {
            Field f = data.fields().get(i);
            String index = f.metadata().get("rerun:index");
            String component = f.metadata().get("rerun:component");
            ArrowArray column = data.columns().get(i);
            if (index == null || component == null || column.length() != n) {
                continue;
            }
            if ("rerun:static".equals(index) && f.name().endsWith(":has_static_data") && f.type().equals(ArrowType.BOOL)) {
                staticFlags.put(component, column);
            } else if (f.name().endsWith(":start") || f.name().endsWith(":end")) {
                componentTimes.computeIfAbsent(component, k -> new LinkedHashMap<>())
                        .computeIfAbsent(index, k -> new ArrowArray[2])[f.name().endsWith(":start") ? 0 : 1] = column;
            }
        }
        ByteBuffer idBytes = ids.values().order(ByteOrder.BIG_ENDIAN);
        ByteBuffer staticBits = statics.values();
        List<Entry> entries = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
            long offset = offsets.getLong(row * 8);
            long size = sizes.getLong(row * 8);
            if (offset < 0 || size < 0 || offset > end || size > end - offset) {
                throw new IOException("manifest row " + row + " places its chunk at bytes [" + Long.toUnsignedString(offset)
                        + ", +" + Long.toUnsignedString(size) + "), outside the file's messages (which end at byte " + end + ")");
            }
            Map<String, TimeRange> ranges = new LinkedHashMap<>();
            for (Map.Entry<String, ArrowArray[]> t : times.entrySet()) {
                ArrowArray[] startEnd = t.getValue();
                if (startEnd[0] == null || startEnd[1] == null || startEnd[0].length() != n || startEnd[1].length() != n) {
                    throw new IOException("manifest time columns of timeline " + t.getKey() + " are incomplete");
                }
                if (!startEnd[0].isNull(row) && !startEnd[1].isNull(row)) {
                    ranges.put(t.getKey(), new TimeRange(longs(startEnd[0], n).getLong(row * 8), longs(startEnd[1], n).getLong(row * 8)));
                }
            }
            Map<String, Map<String, TimeRange>> componentRanges = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, ArrowArray[]>> c : componentTimes.entrySet()) {
                for (Map.Entry<String, ArrowArray[]> t : c.getValue().entrySet()) {
                    ArrowArray[] startEnd = t.getValue();
                    if (startEnd[0] != null && startEnd[1] != null && !startEnd[0].isNull(row) && !startEnd[1].isNull(row)) {
                        componentRanges.computeIfAbsent(c.getKey(), k -> new LinkedHashMap<>()).put(t.getKey(),
                                new TimeRange(longs(startEnd[0], n).getLong(row * 8), longs(startEnd[1], n).getLong(row * 8)));
                    }
                }
            }
            Set<String> staticComponents = new java.util.LinkedHashSet<>();
            for (Map.Entry<String, ArrowArray> flags : staticFlags.entrySet()) {
                if (!flags.getValue().isNull(row) && bit(flags.getValue().values(), row)) {
                    staticComponents.add(flags.getKey());
                }
            }
            boolean isStatic = bit(staticBits, row);
            entries.add(new Entry(paths.utf8(row), Tuid.read(idBytes.slice(idBytes.position() + row * Tuid.BYTES, Tuid.BYTES)),
                    isStatic, rows.getLong(row * 8), offset, size, uncompressed.getLong(row * 8), ranges, componentRanges,
                    staticComponents));
        }
        return entries;
    }

    private static boolean bit(ByteBuffer bits, int row) {
        return (bits.get(bits.position() + (row >> 3)) & (1 << (row & 7))) != 0;
    }

    private static ArrowArray column(RecordBatch data, String name, ArrowType type) throws IOException {
        for (int i = 0; i < data.fields().size(); i++) {
            Field f = data.fields().get(i);
            if (f.name().equals(name)) {
                if (!f.type().equals(type)) {
                    throw new IOException("manifest column " + name + " is " + f.type() + ", expected " + type);
                }
                ArrowArray a = data.columns().get(i);
                if (a.length() != data.length() || a.nullCount() != 0) {
                    throw new IOException("manifest column " + name + " has " + a.length() + " rows (" + a.nullCount()
                            + " null), expected " + data.length() + " without nulls");
                }
                return a;
            }
        }
        throw new IOException("manifest has no column " + name);
    }

    private static ByteBuffer longs(ArrowArray a, int n) throws IOException {
        ByteBuffer values = a.values().slice().order(ByteOrder.LITTLE_ENDIAN);
        if (values.remaining() < (long) n * 8) {
            throw new IOException("manifest column of " + n + " rows has only " + values.remaining() + " value bytes");
        }
        return values;
    }
}
