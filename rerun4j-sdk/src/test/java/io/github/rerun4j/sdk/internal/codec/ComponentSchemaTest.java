package io.github.rerun4j.sdk.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SdkFixtures;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcReader;
import io.github.rerun4j.sdk.internal.arrow.ArrowIpcWriter;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.internal.arrow.RecordBatch;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ChunkCodec;
import io.github.rerun4j.sdk.sink.MemorySink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact Arrow schema of every component column as the SDK writes it (rrd-format.md §3, §4.3–§4.6):
 * the 0.33 viewer compares datatypes for exact equality, child names and nullability included, so any drift
 * here means "entity not visualized" without an error. Each check runs on the record batch the SDK builds and
 * on the same batch after a trip through the SDK's own IPC writer and reader (what is really on the wire).
 */
class ComponentSchemaTest {

    private static Chunk depth;
    private static Chunk pinhole;
    private static Chunk transform;
    private static Chunk viewCoordinates;

    @BeforeAll
    static void logEveryArchetype() {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("schema_test").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.log("world/camera", SdkFixtures.fullPinhole());
            rec.log("world/camera/depth", SdkFixtures.fullDepthImage());
            rec.log("world/camera", SdkFixtures.fullTransform());
            rec.log("world", ViewCoordinates.RDF);
        }
        List<Chunk> chunks = SdkFixtures.chunks(sink);
        assertThat(chunks).hasSize(4);
        pinhole = chunks.get(0);
        depth = chunks.get(1);
        transform = chunks.get(2);
        viewCoordinates = chunks.get(3);
    }

    /** Both views of a chunk: the batch as built, and as read back from the IPC bytes. */
    static Stream<Arguments> views() {
        Function<Chunk, RecordBatch> direct = ChunkCodec::toRecordBatch;
        Function<Chunk, RecordBatch> wire = c -> {
            try {
                List<ByteBuffer> segments = ArrowIpcWriter.write(ChunkCodec.toRecordBatch(c));
                ByteBuffer all = ByteBuffer.allocate((int) ArrowIpcWriter.length(segments));
                segments.forEach(s -> all.put(s.duplicate()));
                return ArrowIpcReader.read(all.flip());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        return Stream.of(Arguments.of("built", direct), Arguments.of("ipc", wire));
    }

    private static Map<String, String> componentMetadata(String archetype, String component, String componentType) {
        Map<String, String> md = new LinkedHashMap<>();
        md.put("rerun:archetype", "rerun.archetypes." + archetype);
        md.put("rerun:component", component);
        md.put("rerun:component_type", "rerun.components." + componentType);
        md.put("rerun:kind", "data");
        return md;
    }

    /** name, one-line type string, component type; in the SDK's column order (by identifier). */
    private record Expected(String name, String type, String componentType) {
    }

    private static void assertComponents(RecordBatch batch, String archetype, int firstComponent, List<Expected> expected) {
        List<Field> fields = batch.fields().subList(firstComponent, batch.fields().size());
        assertThat(fields).extracting(Field::name).containsExactlyElementsOf(expected.stream().map(Expected::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            Field f = fields.get(i);
            assertThat(f.nullable()).as(e.name() + " nullable").isTrue();
            assertThat(f.typeString()).as(e.name() + " type").isEqualTo(e.type());
            assertThat(f.metadata()).as(e.name() + " metadata").isEqualTo(componentMetadata(archetype, e.name(), e.componentType()));
            assertThat(f.children()).hasSize(1);
            assertNoMetadataBelow(f.children().get(0), e.name());
        }
    }

    private static void assertNoMetadataBelow(Field f, String where) {
        assertThat(f.metadata()).as("metadata of child '" + f.name() + "' in " + where).isEmpty();
        f.children().forEach(c -> assertNoMetadataBelow(c, where));
    }

    private static void assertRowIdAndIndexes(RecordBatch batch, String entityPath, Chunk chunk) {
        assertThat(batch.metadata()).containsOnlyKeys("sorbet:version", "rerun:id", "rerun:entity_path");
        assertThat(batch.metadata()).containsEntry("sorbet:version", "0.1.3").containsEntry("rerun:entity_path", entityPath);
        assertThat(batch.metadata().get("rerun:id")).matches("chunk_[0-9A-F]{16}[0-9a-f]{16}")
                .isEqualTo("chunk_" + chunk.id());

        Field rowId = batch.fields().get(0);
        assertThat(rowId.toString()).startsWith("rerun.controls.RowId: non-null FixedSizeBinary(16) ");
        assertThat(rowId.nullable()).isFalse();
        assertThat(rowId.children()).isEmpty();
        assertThat(rowId.metadata()).isEqualTo(Map.of(
                "rerun:kind", "control",
                "ARROW:extension:name", "rerun.datatypes.TUID",
                "ARROW:extension:metadata", "{\"namespace\":\"row\"}",
                "rerun:is_sorted", "true"));
        ArrowArray ids = batch.columns().get(0);
        assertThat(ids.nullCount()).isZero();
        assertThat(ids.values().remaining()).isGreaterThanOrEqualTo(16 * batch.length());
        ByteBuffer idBytes = ids.values().duplicate().order(ByteOrder.BIG_ENDIAN);
        assertThat(idBytes.getLong(0)).isEqualTo(chunk.rowIds().get(0).timeNs());
        assertThat(idBytes.getLong(8)).isEqualTo(chunk.rowIds().get(0).inc());

        Field tick = batch.fields().get(1);
        assertThat(tick.toString()).isEqualTo("log_tick: Int64 " + tick.metadata());
        assertThat(tick.nullable()).isTrue();
        assertThat(tick.metadata()).isEqualTo(Map.of("rerun:kind", "index", "rerun:index_name", "log_tick", "rerun:is_sorted", "true"));
        Field time = batch.fields().get(2);
        assertThat(time.toString()).isEqualTo("log_time: Timestamp(NANOSECOND) " + time.metadata());
        assertThat(time.nullable()).isTrue();
        assertThat(time.metadata()).isEqualTo(Map.of("rerun:kind", "index", "rerun:index_name", "log_time", "rerun:is_sorted", "true"));
        assertThat(batch.columns().get(1).nullCount()).isZero();
        assertThat(batch.columns().get(2).nullCount()).isZero();
    }

    private static ArrowArray items(RecordBatch batch, String name) {
        for (int i = 0; i < batch.fields().size(); i++) {
            if (batch.fields().get(i).name().equals(name)) {
                ArrowArray lists = batch.columns().get(i);
                assertThat(lists.length()).isEqualTo(1);
                assertThat(lists.isNull(0)).isFalse();
                assertThat(lists.offset(0)).isZero();
                assertThat(lists.offset(1)).as(name + ": one instance").isEqualTo(1);
                return lists.child(0);
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static float[] floats(ArrowArray a, int n) {
        float[] v = new float[n];
        a.values().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private static int u8(ArrowArray a, int i) {
        return Byte.toUnsignedInt(a.values().get(i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void depthImageAllEightComponents(String view, Function<Chunk, RecordBatch> toBatch) {
        RecordBatch batch = toBatch.apply(depth);
        assertThat(batch.length()).isEqualTo(1);
        assertRowIdAndIndexes(batch, "/world/camera/depth", depth);
        assertThat(batch.fields().get(3).toString()).isEqualTo("DepthImage:buffer: List<item: List<item: non-null UInt8>> "
                + "{rerun:archetype=rerun.archetypes.DepthImage, rerun:component=DepthImage:buffer, "
                + "rerun:component_type=rerun.components.ImageBuffer, rerun:kind=data}");
        assertComponents(batch, "DepthImage", 3, List.of(
                new Expected("DepthImage:buffer", "List<item: List<item: non-null UInt8>>", "ImageBuffer"),
                new Expected("DepthImage:colormap", "List<item: UInt8>", "Colormap"),
                new Expected("DepthImage:depth_range", "List<item: FixedSizeList(2)<item: non-null Float64>>", "ValueRange"),
                new Expected("DepthImage:draw_order", "List<item: Float32>", "DrawOrder"),
                new Expected("DepthImage:format", "List<item: Struct<width: non-null UInt32, height: non-null UInt32, "
                        + "pixel_format: UInt8, color_model: UInt8, channel_datatype: UInt8>>", "ImageFormat"),
                new Expected("DepthImage:magnification_filter", "List<item: UInt8>", "MagnificationFilter"),
                new Expected("DepthImage:meter", "List<item: Float32>", "DepthMeter"),
                new Expected("DepthImage:point_fill_ratio", "List<item: Float32>", "FillRatio")));

        // Values on the wire.
        ArrowArray blob = items(batch, "DepthImage:buffer");
        assertThat(blob.offset(0)).isZero();
        assertThat(blob.offset(1)).isEqualTo(12);
        byte[] pixels = new byte[12];
        blob.child(0).values().duplicate().get(pixels);
        // u16 little-endian, row-major: 1, 2, 3, 40000, 5, 65535
        assertThat(pixels).containsExactly(1, 0, 2, 0, 3, 0, 0x40, (byte) 0x9C, 5, 0, (byte) 0xFF, (byte) 0xFF);
        ArrowArray format = items(batch, "DepthImage:format");
        assertThat(format.child(0).values().duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(0)).as("width").isEqualTo(3);
        assertThat(format.child(1).values().duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(0)).as("height").isEqualTo(2);
        assertThat(format.child(2).isNull(0)).as("pixel_format null").isTrue();
        assertThat(format.child(3).isNull(0)).as("color_model null").isTrue();
        assertThat(format.child(4).isNull(0)).isFalse();
        assertThat(u8(format.child(4), 0)).as("channel_datatype U16").isEqualTo(8);
        assertThat(u8(items(batch, "DepthImage:colormap"), 0)).as("Viridis").isEqualTo(6);
        assertThat(u8(items(batch, "DepthImage:magnification_filter"), 0)).as("Bicubic").isEqualTo(3);
        assertThat(floats(items(batch, "DepthImage:meter"), 1)).containsExactly(10000f);
        assertThat(floats(items(batch, "DepthImage:point_fill_ratio"), 1)).containsExactly(0.5f);
        assertThat(floats(items(batch, "DepthImage:draw_order"), 1)).containsExactly(-7.5f);
        ByteBuffer range = items(batch, "DepthImage:depth_range").child(0).values().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(range.getDouble(0)).isEqualTo(0.25);
        assertThat(range.getDouble(8)).isEqualTo(8.5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void pinholeAllEightComponents(String view, Function<Chunk, RecordBatch> toBatch) {
        RecordBatch batch = toBatch.apply(pinhole);
        assertRowIdAndIndexes(batch, "/world/camera", pinhole);
        assertThat(batch.fields().stream().filter(f -> f.name().equals("Pinhole:image_from_camera")).findFirst().orElseThrow()
                .toString()).isEqualTo("Pinhole:image_from_camera: List<item: FixedSizeList(9)<item: non-null Float32>> "
                + "{rerun:archetype=rerun.archetypes.Pinhole, rerun:component=Pinhole:image_from_camera, "
                + "rerun:component_type=rerun.components.PinholeProjection, rerun:kind=data}");
        assertComponents(batch, "Pinhole", 3, List.of(
                new Expected("Pinhole:camera_xyz", "List<item: FixedSizeList(3)<item: non-null UInt8>>", "ViewCoordinates"),
                new Expected("Pinhole:child_frame", "List<item: Utf8>", "TransformFrameId"),
                new Expected("Pinhole:color", "List<item: UInt32>", "Color"),
                new Expected("Pinhole:image_from_camera", "List<item: FixedSizeList(9)<item: non-null Float32>>", "PinholeProjection"),
                new Expected("Pinhole:image_plane_distance", "List<item: Float32>", "ImagePlaneDistance"),
                new Expected("Pinhole:line_width", "List<item: Float32>", "Radius"),
                new Expected("Pinhole:parent_frame", "List<item: Utf8>", "TransformFrameId"),
                new Expected("Pinhole:resolution", "List<item: FixedSizeList(2)<item: non-null Float32>>", "Resolution")));

        // K = [[200, 0, 150], [0, 210, 100], [0, 0, 1]] stored column by column.
        assertThat(floats(items(batch, "Pinhole:image_from_camera").child(0), 9))
                .containsExactly(200, 0, 0, 0, 210, 0, 150, 100, 1);
        assertThat(floats(items(batch, "Pinhole:resolution").child(0), 2)).containsExactly(300, 200);
        ArrowArray xyz = items(batch, "Pinhole:camera_xyz").child(0);
        assertThat(new int[] {u8(xyz, 0), u8(xyz, 1), u8(xyz, 2)}).as("RDF").containsExactly(3, 2, 5);
        assertThat(items(batch, "Pinhole:child_frame").utf8(0)).isEqualTo("camera_frame");
        assertThat(items(batch, "Pinhole:parent_frame").utf8(0)).isEqualTo("world_frame");
        ByteBuffer color = items(batch, "Pinhole:color").values().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(color.getInt(0)).as("0xRRGGBBAA as a little-endian u32").isEqualTo(0x11223344);
        assertThat(color.get(0)).as("least significant byte = alpha").isEqualTo((byte) 0x44);
        assertThat(floats(items(batch, "Pinhole:image_plane_distance"), 1)).containsExactly(2.5f);
        assertThat(floats(items(batch, "Pinhole:line_width"), 1)).containsExactly(0.02f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void transform3DAllEightComponents(String view, Function<Chunk, RecordBatch> toBatch) {
        RecordBatch batch = toBatch.apply(transform);
        assertRowIdAndIndexes(batch, "/world/camera", transform);
        assertComponents(batch, "Transform3D", 3, List.of(
                new Expected("Transform3D:child_frame", "List<item: Utf8>", "TransformFrameId"),
                new Expected("Transform3D:mat3x3", "List<item: FixedSizeList(9)<item: non-null Float32>>", "TransformMat3x3"),
                new Expected("Transform3D:parent_frame", "List<item: Utf8>", "TransformFrameId"),
                new Expected("Transform3D:quaternion", "List<item: FixedSizeList(4)<item: non-null Float32>>", "RotationQuat"),
                new Expected("Transform3D:relation", "List<item: UInt8>", "TransformRelation"),
                new Expected("Transform3D:rotation_axis_angle",
                        "List<item: Struct<axis: non-null FixedSizeList(3)<item: non-null Float32>, angle: non-null Float32>>",
                        "RotationAxisAngle"),
                new Expected("Transform3D:scale", "List<item: FixedSizeList(3)<item: non-null Float32>>", "Scale3D"),
                new Expected("Transform3D:translation", "List<item: FixedSizeList(3)<item: non-null Float32>>", "Translation3D")));

        assertThat(floats(items(batch, "Transform3D:translation").child(0), 3)).containsExactly(1, 0.5f, -2);
        assertThat(floats(items(batch, "Transform3D:scale").child(0), 3)).containsExactly(2, 3, 4);
        assertThat(floats(items(batch, "Transform3D:quaternion").child(0), 4)).as("x, y, z, w").containsExactly(0.1f, 0.2f, 0.3f, 0.9f);
        // rows [[1, 2, 0], [0, 1, 0], [0, 0, 3]] column by column
        assertThat(floats(items(batch, "Transform3D:mat3x3").child(0), 9)).containsExactly(1, 0, 0, 2, 1, 0, 0, 0, 3);
        ArrowArray rotation = items(batch, "Transform3D:rotation_axis_angle");
        assertThat(floats(rotation.child(0).child(0), 3)).containsExactly(0, 0, 1);
        assertThat(floats(rotation.child(1), 1)).containsExactly(0.75f);
        assertThat(u8(items(batch, "Transform3D:relation"), 0)).as("ChildFromParent").isEqualTo(2);
        assertThat(items(batch, "Transform3D:child_frame").utf8(0)).isEqualTo("child_f");
        assertThat(items(batch, "Transform3D:parent_frame").utf8(0)).isEqualTo("parent_f");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void viewCoordinates(String view, Function<Chunk, RecordBatch> toBatch) {
        RecordBatch batch = toBatch.apply(viewCoordinates);
        assertRowIdAndIndexes(batch, "/world", viewCoordinates);
        assertThat(batch.fields()).hasSize(4);
        assertThat(batch.fields().get(3).toString()).isEqualTo("ViewCoordinates:xyz: List<item: FixedSizeList(3)<item: non-null UInt8>> "
                + "{rerun:archetype=rerun.archetypes.ViewCoordinates, rerun:component=ViewCoordinates:xyz, "
                + "rerun:component_type=rerun.components.ViewCoordinates, rerun:kind=data}");
        ArrowArray xyz = items(batch, "ViewCoordinates:xyz").child(0);
        assertThat(new int[] {u8(xyz, 0), u8(xyz, 1), u8(xyz, 2)}).as("RDF").containsExactly(3, 2, 5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void staticChunkHasNoIndexColumns(String view, Function<Chunk, RecordBatch> toBatch) {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("schema_test").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.logStatic("world", ViewCoordinates.RUB);
        }
        RecordBatch batch = toBatch.apply(SdkFixtures.chunks(sink).get(0));
        assertThat(batch.fields()).extracting(Field::name).containsExactly("rerun.controls.RowId", "ViewCoordinates:xyz");
        assertThat(batch.fields()).noneMatch(f -> "index".equals(f.metadata().get("rerun:kind")));
        ArrowArray xyz = items(batch, "ViewCoordinates:xyz").child(0);
        assertThat(new int[] {u8(xyz, 0), u8(xyz, 1), u8(xyz, 2)}).as("RUB").containsExactly(3, 1, 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void customTimelinesGetTheirArrowTypesAndSortByName(String view, Function<Chunk, RecordBatch> toBatch) {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("schema_test").batching(BatcherConfig.IMMEDIATE)
                .defaultTimelines(false).sink(sink)) {
            rec.setTimeSequence("frame", 42);
            rec.setTimestampNanos("capture", 1_700_000_000_123_456_789L);
            rec.setDurationNanos("elapsed", 5_000);
            rec.log("world", ViewCoordinates.FLU);
        }
        RecordBatch batch = toBatch.apply(SdkFixtures.chunks(sink).get(0));
        assertThat(batch.fields().subList(1, 4)).extracting(f -> f.name() + ": " + f.typeString() + " " + f.nullable())
                .containsExactly("capture: Timestamp(NANOSECOND) true", "elapsed: Duration(NANOSECOND) true", "frame: Int64 true");
        assertThat(batch.fields().get(3).metadata()).isEqualTo(Map.of("rerun:kind", "index", "rerun:index_name", "frame", "rerun:is_sorted", "true"));
        assertThat(batch.columns().get(1).values().duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(0)).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(batch.columns().get(2).values().duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(0)).isEqualTo(5_000L);
        assertThat(batch.columns().get(3).values().duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(0)).isEqualTo(42L);
        ArrowArray xyz = items(batch, "ViewCoordinates:xyz").child(0);
        assertThat(new int[] {u8(xyz, 0), u8(xyz, 1), u8(xyz, 2)}).as("FLU").containsExactly(5, 4, 1);
    }

    // ---- colour and encoded images (next-archetypes §1.1, §2.1, §5.2, §5.4) ----

    private static Chunk logOne(String entity, io.github.rerun4j.sdk.archetypes.Archetype archetype) {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("schema_test").batching(BatcherConfig.IMMEDIATE).sink(sink)) {
            rec.setTimeSequence("frame", 0);
            rec.log(entity, archetype);
        }
        List<Chunk> chunks = SdkFixtures.chunks(sink);
        assertThat(chunks).hasSize(1);
        return chunks.get(0);
    }

    private static byte[] blobBytes(RecordBatch batch, String name) {
        ArrowArray blob = items(batch, name);
        byte[] bytes = new byte[blob.offset(1) - blob.offset(0)];
        blob.child(0).values().duplicate().position(blob.offset(0)).get(bytes);
        return bytes;
    }

    private static final String BLOB_TYPE = "List<item: List<item: non-null UInt8>>";
    private static final String FORMAT_TYPE = "List<item: Struct<width: non-null UInt32, height: non-null UInt32, "
            + "pixel_format: UInt8, color_model: UInt8, channel_datatype: UInt8>>";

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void imageAllFiveComponentsAndTheWorkedExamplesBuffer(String view, Function<Chunk, RecordBatch> toBatch) {
        Chunk chunk = logOne("world/camera/rgb", io.github.rerun4j.sdk.RgbdFixtures.fullImage());
        RecordBatch batch = toBatch.apply(chunk);
        int first = batch.fields().size() - 5;
        assertComponents(batch, "Image", first, List.of(
                new Expected("Image:buffer", BLOB_TYPE, "ImageBuffer"),
                new Expected("Image:draw_order", "List<item: Float32>", "DrawOrder"),
                new Expected("Image:format", FORMAT_TYPE, "ImageFormat"),
                new Expected("Image:magnification_filter", "List<item: UInt8>", "MagnificationFilter"),
                new Expected("Image:opacity", "List<item: Float32>", "Opacity")));
        assertThat(blobBytes(batch, "Image:buffer")).containsExactly(java.util.HexFormat.of().parseHex(
                "ff0000" + "00ff00" + "0000ff" + "ffffff" + "000000" + "808080" + "ffff00" + "00ffff"
                        + "ff00ff" + "0a141e" + "c86432" + "010203"));
        ArrowArray format = items(batch, "Image:format");
        assertThat(format.child(0).values().duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(0)).isEqualTo(4);
        assertThat(format.child(1).values().duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(0)).isEqualTo(3);
        assertThat(format.child(2).isNull(0)).as("pixel_format null").isTrue();
        assertThat(u8(format.child(3), 0)).as("color_model RGB, always written").isEqualTo(2);
        assertThat(u8(format.child(4), 0)).as("channel_datatype U8").isEqualTo(6);
        assertThat(floats(items(batch, "Image:opacity"), 1)).containsExactly(0.25f);
        assertThat(floats(items(batch, "Image:draw_order"), 1)).containsExactly(-3.5f);
        assertThat(u8(items(batch, "Image:magnification_filter"), 0)).as("Linear").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void encodedImageAllFiveComponents(String view, Function<Chunk, RecordBatch> toBatch) {
        RecordBatch batch = toBatch.apply(logOne("world/camera/rgb", io.github.rerun4j.sdk.RgbdFixtures.fullEncodedImage()));
        int first = batch.fields().size() - 5;
        assertComponents(batch, "EncodedImage", first, List.of(
                new Expected("EncodedImage:blob", BLOB_TYPE, "Blob"),
                new Expected("EncodedImage:draw_order", "List<item: Float32>", "DrawOrder"),
                new Expected("EncodedImage:magnification_filter", "List<item: UInt8>", "MagnificationFilter"),
                new Expected("EncodedImage:media_type", "List<item: Utf8>", "MediaType"),
                new Expected("EncodedImage:opacity", "List<item: Float32>", "Opacity")));
        assertThat(blobBytes(batch, "EncodedImage:blob")).containsExactly(io.github.rerun4j.sdk.RgbdFixtures.tinyPng());
        assertThat(items(batch, "EncodedImage:media_type").utf8(0)).isEqualTo("image/png");
        assertThat(floats(items(batch, "EncodedImage:opacity"), 1)).containsExactly(0.75f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void encodedDepthImageOfTheWorkedExampleIsExactlyBlobMediaTypeMeter(String view, Function<Chunk, RecordBatch> toBatch) {
        RecordBatch batch = toBatch.apply(logOne("world/camera/depth", io.github.rerun4j.sdk.RgbdFixtures.rvlDepth()));
        assertThat(batch.fields()).extracting(Field::name).containsExactly("rerun.controls.RowId", "frame", "log_tick",
                "log_time", "EncodedDepthImage:blob", "EncodedDepthImage:media_type", "EncodedDepthImage:meter");
        assertComponents(batch, "EncodedDepthImage", 4, List.of(
                new Expected("EncodedDepthImage:blob", BLOB_TYPE, "Blob"),
                new Expected("EncodedDepthImage:media_type", "List<item: Utf8>", "MediaType"),
                new Expected("EncodedDepthImage:meter", "List<item: Float32>", "DepthMeter")));
        assertThat(blobBytes(batch, "EncodedDepthImage:blob")).containsExactly(java.util.HexFormat.of().parseHex(
                "00000000" + "00000000" + "00000000" + "04000000" + "03000000" + "08f38a1412cf3fafecf3f940000041f1"));
        assertThat(items(batch, "EncodedDepthImage:media_type").utf8(0)).isEqualTo("application/rvl");
        assertThat(floats(items(batch, "EncodedDepthImage:meter"), 1)).containsExactly(1000f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void encodedDepthImageAllEightComponents(String view, Function<Chunk, RecordBatch> toBatch) {
        RecordBatch batch = toBatch.apply(logOne("world/camera/depth", io.github.rerun4j.sdk.RgbdFixtures.fullEncodedDepthImage()));
        assertComponents(batch, "EncodedDepthImage", 4, List.of(
                new Expected("EncodedDepthImage:blob", BLOB_TYPE, "Blob"),
                new Expected("EncodedDepthImage:colormap", "List<item: UInt8>", "Colormap"),
                new Expected("EncodedDepthImage:depth_range", "List<item: FixedSizeList(2)<item: non-null Float64>>", "ValueRange"),
                new Expected("EncodedDepthImage:draw_order", "List<item: Float32>", "DrawOrder"),
                new Expected("EncodedDepthImage:magnification_filter", "List<item: UInt8>", "MagnificationFilter"),
                new Expected("EncodedDepthImage:media_type", "List<item: Utf8>", "MediaType"),
                new Expected("EncodedDepthImage:meter", "List<item: Float32>", "DepthMeter"),
                new Expected("EncodedDepthImage:point_fill_ratio", "List<item: Float32>", "FillRatio")));
        assertThat(u8(items(batch, "EncodedDepthImage:colormap"), 0)).as("Viridis").isEqualTo(6);
        ByteBuffer range = items(batch, "EncodedDepthImage:depth_range").child(0).values().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(range.getDouble(0)).isEqualTo(0.0);
        assertThat(range.getDouble(8)).isEqualTo(2000.0);
        assertThat(floats(items(batch, "EncodedDepthImage:point_fill_ratio"), 1)).containsExactly(0.5f);
        assertThat(floats(items(batch, "EncodedDepthImage:draw_order"), 1)).containsExactly(-19f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void depthCloudColorHintIsOneUtf8EntityPath(String view, Function<Chunk, RecordBatch> toBatch) {
        Chunk chunk = logOne("world/camera/depth", io.github.rerun4j.sdk.archetypes.DepthCloudColor.source("world/camera/rgb"));
        RecordBatch batch = toBatch.apply(chunk);
        Field f = batch.fields().get(batch.fields().size() - 1);
        assertThat(f.toString()).isEqualTo("rerun4j.DepthCloudColor:source: List<item: Utf8> "
                + "{rerun:archetype=rerun4j.archetypes.DepthCloudColor, rerun:component=rerun4j.DepthCloudColor:source, "
                + "rerun:component_type=rerun.components.EntityPath, rerun:kind=data}");
        assertThat(items(batch, "rerun4j.DepthCloudColor:source").utf8(0)).isEqualTo("/world/camera/rgb");
        assertThat(ArchetypeCodec.readAll(chunk, 0)).containsExactly(
                io.github.rerun4j.sdk.archetypes.DepthCloudColor.source("/world/camera/rgb"));
    }
}
