package io.github.rerun4j.sdk.internal.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SdkFixtures;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole {@code .rrd} files against Arrow Java, in both directions: the IPC payload of every ArrowMsg the SDK writes
 * (plain and LZ4) is read by Arrow Java with the exact Rerun schema and the logged bytes, and a chunk built by Arrow
 * Java, wrapped by {@link RrdEncoder}, is read back by {@link LogMessageReader} and {@link ArchetypeCodec}.
 */
@Tag("arrow-java")
class RrdArrowJavaCrossCheckTest {

    @TempDir
    Path dir;

    /** Arrow Java field in the notation of rrd-format.md / rerun4j's {@code Field.typeString()}. */
    static String describe(Field f) {
        String type = describeType(f.getType());
        if (f.getChildren().isEmpty()) {
            return type;
        }
        return type + "<" + f.getChildren().stream()
                .map(c -> c.getName() + ": " + (c.isNullable() ? "" : "non-null ") + describe(c))
                .collect(Collectors.joining(", ")) + ">";
    }

    static String describeType(ArrowType t) {
        if (t instanceof ArrowType.Int i) {
            return (i.getIsSigned() ? "Int" : "UInt") + i.getBitWidth();
        }
        if (t instanceof ArrowType.FloatingPoint fp) {
            return switch (fp.getPrecision()) {
                case HALF -> "Float16";
                case SINGLE -> "Float32";
                case DOUBLE -> "Float64";
            };
        }
        if (t instanceof ArrowType.FixedSizeList l) {
            return "FixedSizeList(" + l.getListSize() + ")";
        }
        if (t instanceof ArrowType.FixedSizeBinary b) {
            return "FixedSizeBinary(" + b.getByteWidth() + ")";
        }
        if (t instanceof ArrowType.Timestamp ts) {
            return "Timestamp(" + ts.getUnit() + (ts.getTimezone() == null ? "" : ", " + ts.getTimezone()) + ")";
        }
        if (t instanceof ArrowType.List) {
            return "List";
        }
        if (t instanceof ArrowType.Struct) {
            return "Struct";
        }
        if (t instanceof ArrowType.Utf8) {
            return "Utf8";
        }
        return "?" + t;
    }

    private static final Map<String, String> DEPTH_TYPES = Map.of(
            "DepthImage:buffer", "List<item: List<item: non-null UInt8>>",
            "DepthImage:colormap", "List<item: UInt8>",
            "DepthImage:depth_range", "List<item: FixedSizeList(2)<item: non-null Float64>>",
            "DepthImage:draw_order", "List<item: Float32>",
            "DepthImage:format", "List<item: Struct<width: non-null UInt32, height: non-null UInt32, pixel_format: UInt8, "
                    + "color_model: UInt8, channel_datatype: UInt8>>",
            "DepthImage:magnification_filter", "List<item: UInt8>",
            "DepthImage:meter", "List<item: Float32>",
            "DepthImage:point_fill_ratio", "List<item: Float32>");

    private static final Map<String, String> PINHOLE_TYPES = Map.of(
            "Pinhole:camera_xyz", "List<item: FixedSizeList(3)<item: non-null UInt8>>",
            "Pinhole:child_frame", "List<item: Utf8>",
            "Pinhole:color", "List<item: UInt32>",
            "Pinhole:image_from_camera", "List<item: FixedSizeList(9)<item: non-null Float32>>",
            "Pinhole:image_plane_distance", "List<item: Float32>",
            "Pinhole:line_width", "List<item: Float32>",
            "Pinhole:parent_frame", "List<item: Utf8>",
            "Pinhole:resolution", "List<item: FixedSizeList(2)<item: non-null Float32>>");

    private static final Map<String, String> TRANSFORM_TYPES = Map.of(
            "Transform3D:child_frame", "List<item: Utf8>",
            "Transform3D:mat3x3", "List<item: FixedSizeList(9)<item: non-null Float32>>",
            "Transform3D:parent_frame", "List<item: Utf8>",
            "Transform3D:quaternion", "List<item: FixedSizeList(4)<item: non-null Float32>>",
            "Transform3D:relation", "List<item: UInt8>",
            "Transform3D:rotation_axis_angle",
            "List<item: Struct<axis: non-null FixedSizeList(3)<item: non-null Float32>, angle: non-null Float32>>",
            "Transform3D:scale", "List<item: FixedSizeList(3)<item: non-null Float32>>",
            "Transform3D:translation", "List<item: FixedSizeList(3)<item: non-null Float32>>");

    private static byte[] bytesOf(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {false, true})
    void arrowJavaReadsEveryChunkOfAnSdkWrittenFile(boolean lz4) throws Exception {
        Path file = dir.resolve("sdk.rrd");
        List<DepthImage> images = new ArrayList<>();
        for (ChannelDatatype dt : ChannelDatatype.values()) {
            images.add(SdkFixtures.fullDepthImage(dt));
        }
        try (RecordingStream rec = RecordingStream.builder("cross_check").saveTo(file, lz4)) {
            rec.log("world/camera", SdkFixtures.fullPinhole());
            rec.log("world/camera", SdkFixtures.fullTransform());
            for (DepthImage img : images) {
                rec.log("world/camera/depth", img);
            }
        }
        Map<String, String> expectedTypes = new HashMap<>();
        expectedTypes.putAll(DEPTH_TYPES);
        expectedTypes.putAll(PINHOLE_TYPES);
        expectedTypes.putAll(TRANSFORM_TYPES);

        List<Chunk> sdkChunks = SdkFixtures.chunks(LogMessageReader.readAll(file));
        int arrowMessages = 0;
        int depthRowsSeen = 0;
        try (RrdReader reader = RrdReader.open(file); BufferAllocator allocator = new RootAllocator()) {
            for (RrdRecord r = reader.next(); r != null; r = reader.next()) {
                if (!(r.message() instanceof RrdMessage.ArrowMsg msg)) {
                    continue;
                }
                Chunk sdkChunk = sdkChunks.get(arrowMessages++);
                byte[] ipc = bytesOf(msg.ipc());
                try (ArrowStreamReader arrow = new ArrowStreamReader(new ByteArrayReadableSeekableByteChannel(ipc), allocator)) {
                    VectorSchemaRoot root = arrow.getVectorSchemaRoot();
                    Schema schema = root.getSchema();
                    assertThat(schema.getCustomMetadata()).isEqualTo(Map.of(
                            "sorbet:version", "0.1.3",
                            "rerun:id", "chunk_" + msg.chunkId(),
                            "rerun:entity_path", sdkChunk.entityPath()));
                    List<Field> fields = schema.getFields();
                    assertThat(fields.get(0).getName()).isEqualTo("rerun.controls.RowId");
                    assertThat(fields.get(0).isNullable()).isFalse();
                    assertThat(describe(fields.get(0))).isEqualTo("FixedSizeBinary(16)");
                    assertThat(fields.get(0).getMetadata()).containsEntry("rerun:kind", "control")
                            .containsEntry("ARROW:extension:name", "rerun.datatypes.TUID");
                    assertThat(fields.get(1).getName()).isEqualTo("log_tick");
                    assertThat(describe(fields.get(1))).isEqualTo("Int64");
                    assertThat(fields.get(1).getMetadata()).containsEntry("rerun:kind", "index");
                    assertThat(fields.get(2).getName()).isEqualTo("log_time");
                    assertThat(describe(fields.get(2))).isEqualTo("Timestamp(NANOSECOND)");
                    for (Field f : fields.subList(3, fields.size())) {
                        assertThat(describe(f)).as(f.getName()).isEqualTo(expectedTypes.get(f.getName()));
                        assertThat(f.isNullable()).isTrue();
                        assertThat(f.getChildren()).extracting(Field::getName).containsExactly("item");
                        assertThat(f.getChildren().get(0).getMetadata()).isNullOrEmpty();
                        assertThat(f.getMetadata()).containsEntry("rerun:kind", "data").containsEntry("rerun:component", f.getName())
                                .containsKeys("rerun:archetype", "rerun:component_type");
                    }

                    assertThat(arrow.loadNextBatch()).isTrue();
                    assertThat(root.getRowCount()).isEqualTo(sdkChunk.rowCount());
                    FixedSizeBinaryVector ids = (FixedSizeBinaryVector) root.getVector(0);
                    BigIntVector ticks = (BigIntVector) root.getVector("log_tick");
                    for (int row = 0; row < root.getRowCount(); row++) {
                        assertThat(Tuid.read(ByteBuffer.wrap(ids.get(row)))).isEqualTo(sdkChunk.rowIds().get(row));
                        assertThat(ticks.get(row)).isEqualTo(sdkChunk.timeline("log_tick").orElseThrow().time(row));
                    }
                    if (sdkChunk.entityPath().equals("/world/camera/depth")) {
                        ListVector buffers = (ListVector) root.getVector("DepthImage:buffer");
                        ListVector blobs = (ListVector) buffers.getDataVector();
                        UInt1Vector bytes = (UInt1Vector) blobs.getDataVector();
                        ListVector formats = (ListVector) root.getVector("DepthImage:format");
                        StructVector format = (StructVector) formats.getDataVector();
                        for (int row = 0; row < root.getRowCount(); row++) {
                            DepthImage logged = images.get(depthRowsSeen++);
                            int blob = buffers.getElementStartIndex(row);
                            assertThat(buffers.getElementEndIndex(row) - blob).isEqualTo(1);
                            int from = blobs.getElementStartIndex(blob);
                            int to = blobs.getElementEndIndex(blob);
                            byte[] pixels = new byte[to - from];
                            for (int k = from; k < to; k++) {
                                pixels[k - from] = bytes.get(k);
                            }
                            assertThat(pixels).isEqualTo(logged.buffer().toByteArray());
                            int f = formats.getElementStartIndex(row);
                            assertThat(format.getChild("width", UInt4Vector.class).get(f)).isEqualTo(3);
                            assertThat(format.getChild("height", UInt4Vector.class).get(f)).isEqualTo(2);
                            assertThat(format.getChild("pixel_format").isNull(f)).isTrue();
                            assertThat(format.getChild("color_model").isNull(f)).isTrue();
                            assertThat(Byte.toUnsignedInt(format.getChild("channel_datatype", UInt1Vector.class).get(f)))
                                    .isEqualTo(logged.datatype().code());
                            ListVector meters = (ListVector) root.getVector("DepthImage:meter");
                            assertThat(((Float4Vector) meters.getDataVector()).get(meters.getElementStartIndex(row)))
                                    .isEqualTo(logged.meter());
                        }
                    }
                    if (sdkChunk.component("Pinhole:image_from_camera").isPresent()) {
                        assertThat(root.getVector("Pinhole:image_from_camera").getObject(0).toString())
                                .isEqualTo("[[200.0,0.0,0.0,0.0,210.0,0.0,150.0,100.0,1.0]]");
                        assertThat(root.getVector("Pinhole:camera_xyz").getObject(0).toString()).isEqualTo("[[3,2,5]]");
                    }
                    if (sdkChunk.component("Transform3D:rotation_axis_angle").isPresent()) {
                        assertThat(root.getVector("Transform3D:rotation_axis_angle").getObject(0).toString())
                                .isEqualTo("[{\"axis\":[0.0,0.0,1.0],\"angle\":0.75}]");
                        assertThat(root.getVector("Transform3D:relation").getObject(0).toString()).isEqualTo("[2]");
                    }
                    assertThat(arrow.loadNextBatch()).as("exactly one record batch").isFalse();
                }
            }
        }
        assertThat(arrowMessages).isEqualTo(3);
        assertThat(depthRowsSeen).isEqualTo(11);
    }

    // ---- Arrow Java -> rerun4j ----

    private static Field field(String name, FieldType type, Field... children) {
        return new Field(name, type, children.length == 0 ? null : List.of(children));
    }

    private static FieldType notNull(ArrowType t) {
        return FieldType.notNullable(t);
    }

    private static FieldType nullable(ArrowType t) {
        return FieldType.nullable(t);
    }

    private static Map<String, String> md(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A Rerun-shaped DepthImage chunk with two rows, written by Arrow Java. */
    static byte[] arrowJavaChunk(Tuid chunkId, Tuid[] rowIds, byte[][] pixels, int width, int height, ChannelDatatype dt) throws Exception {
        ArrowType u8 = new ArrowType.Int(8, false);
        ArrowType u32 = new ArrowType.Int(32, false);
        Field rowId = new Field("rerun.controls.RowId", new FieldType(false, new ArrowType.FixedSizeBinary(16), null,
                md("rerun:kind", "control", "ARROW:extension:name", "rerun.datatypes.TUID",
                        "ARROW:extension:metadata", "{\"namespace\":\"row\"}", "rerun:is_sorted", "true")), null);
        Field tick = new Field("log_tick", new FieldType(true, new ArrowType.Int(64, true), null,
                md("rerun:kind", "index", "rerun:index_name", "log_tick", "rerun:is_sorted", "true")), null);
        Field buffer = new Field("DepthImage:buffer", new FieldType(true, ArrowType.List.INSTANCE, null,
                md("rerun:archetype", "rerun.archetypes.DepthImage", "rerun:component", "DepthImage:buffer",
                        "rerun:component_type", "rerun.components.ImageBuffer", "rerun:kind", "data")),
                List.of(field("item", nullable(ArrowType.List.INSTANCE), field("item", notNull(u8)))));
        Field format = new Field("DepthImage:format", new FieldType(true, ArrowType.List.INSTANCE, null,
                md("rerun:archetype", "rerun.archetypes.DepthImage", "rerun:component", "DepthImage:format",
                        "rerun:component_type", "rerun.components.ImageFormat", "rerun:kind", "data")),
                List.of(field("item", nullable(ArrowType.Struct.INSTANCE),
                        field("width", notNull(u32)), field("height", notNull(u32)),
                        field("pixel_format", nullable(u8)), field("color_model", nullable(u8)),
                        field("channel_datatype", nullable(u8)))));
        Field meter = new Field("DepthImage:meter", new FieldType(true, ArrowType.List.INSTANCE, null,
                md("rerun:archetype", "rerun.archetypes.DepthImage", "rerun:component", "DepthImage:meter",
                        "rerun:component_type", "rerun.components.DepthMeter", "rerun:kind", "data")),
                List.of(field("item", nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)))));
        Schema schema = new Schema(List.of(rowId, tick, buffer, format, meter), md(
                "sorbet:version", "0.1.3", "rerun:id", "chunk_" + chunkId, "rerun:entity_path", "/world/camera/depth"));

        int rows = rowIds.length;
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            root.allocateNew();
            FixedSizeBinaryVector ids = (FixedSizeBinaryVector) root.getVector(0);
            BigIntVector ticks = (BigIntVector) root.getVector(1);
            ListVector buffers = (ListVector) root.getVector(2);
            ListVector blobs = (ListVector) buffers.getDataVector();
            UInt1Vector bytes = (UInt1Vector) blobs.getDataVector();
            ListVector formats = (ListVector) root.getVector(3);
            StructVector fmt = (StructVector) formats.getDataVector();
            ListVector meters = (ListVector) root.getVector(4);
            Float4Vector meterValues = (Float4Vector) meters.getDataVector();
            int byteIndex = 0;
            for (int row = 0; row < rows; row++) {
                ByteBuffer id = ByteBuffer.allocate(16);
                rowIds[row].write(id);
                ids.setSafe(row, id.array());
                ticks.setSafe(row, row);
                buffers.startNewValue(row);
                blobs.startNewValue(row);
                for (byte b : pixels[row]) {
                    bytes.setSafe(byteIndex++, b);
                }
                blobs.endValue(row, pixels[row].length);
                buffers.endValue(row, 1);
                formats.startNewValue(row);
                fmt.setIndexDefined(row);
                fmt.getChild("width", UInt4Vector.class).setSafe(row, width);
                fmt.getChild("height", UInt4Vector.class).setSafe(row, height);
                fmt.getChild("pixel_format", UInt1Vector.class).setNull(row);
                fmt.getChild("color_model", UInt1Vector.class).setNull(row);
                fmt.getChild("channel_datatype", UInt1Vector.class).setSafe(row, dt.code());
                formats.endValue(row, 1);
                if (row == 0) {
                    meters.startNewValue(row);
                    meterValues.setSafe(row, 5000f);
                    meters.endValue(row, 1);
                } else {
                    meters.setNull(row);
                }
            }
            bytes.setValueCount(byteIndex);
            blobs.setValueCount(rows);
            fmt.setValueCount(rows);
            meterValues.setValueCount(1);
            root.setRowCount(rows);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        }
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {false, true})
    void sdkReadsAChunkBuiltByArrowJava(boolean lz4) throws Exception {
        int width = 4;
        int height = 3;
        ChannelDatatype dt = ChannelDatatype.U16;
        byte[][] pixels = new byte[2][width * height * 2];
        for (int row = 0; row < 2; row++) {
            for (int i = 0; i < pixels[row].length; i++) {
                pixels[row][i] = (byte) (row * 100 + i * 3);
            }
        }
        Tuid chunkId = Tuid.next();
        Tuid[] rowIds = {Tuid.next(), Tuid.next()};
        byte[] ipc = arrowJavaChunk(chunkId, rowIds, pixels, width, height, dt);

        StoreId store = StoreId.recording("arrow_java_app", "0123456789abcdef0123456789abcdef");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(RrdEncoder.streamHeader(lz4));
        file.writeBytes(RrdEncoder.encode(new RrdMessage.SetStoreInfo(Tuid.next(), StoreInfo.of(store))).toByteArray());
        file.writeBytes(RrdEncoder.encodeArrow(store, chunkId, false, new ByteBuffer[] {ByteBuffer.wrap(ipc)}, lz4).toByteArray());
        Path path = dir.resolve("arrow-java.rrd");
        Files.write(path, file.toByteArray());

        List<LogMessage> messages = LogMessageReader.readAll(path);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).storeId()).isEqualTo(store);
        LogMessage.ChunkMessage msg = (LogMessage.ChunkMessage) messages.get(1);
        assertThat(msg.storeId()).isEqualTo(store);
        Chunk chunk = msg.chunk();
        assertThat(chunk.id()).isEqualTo(chunkId);
        assertThat(chunk.entityPath()).isEqualTo("/world/camera/depth");
        assertThat(chunk.rowIds()).containsExactly(rowIds);
        assertThat(chunk.timeline("log_tick").orElseThrow().times()).containsExactly(0, 1);

        DepthImage expected0 = new DepthImage(ImageBuffer.of(pixels[0]), ImageFormat.depth(width, height, dt)).withMeter(5000.0);
        DepthImage expected1 = new DepthImage(ImageBuffer.of(pixels[1]), ImageFormat.depth(width, height, dt));
        assertThat(ArchetypeCodec.readDepthImage(chunk, 0)).contains(expected0);
        assertThat(ArchetypeCodec.readDepthImage(chunk, 1)).contains(expected1);
        // The Arrow Java column types are exactly what the SDK itself writes.
        assertThat(chunk.component("DepthImage:buffer").orElseThrow().itemField().toString())
                .isEqualTo("item: List<item: non-null UInt8>");
        assertThat(chunk.component("DepthImage:format").orElseThrow().itemField().toString())
                .isEqualTo("item: Struct<width: non-null UInt32, height: non-null UInt32, pixel_format: UInt8, "
                        + "color_model: UInt8, channel_datatype: UInt8>");
    }
}
