package io.github.rerun4j.sdk.internal.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType.FixedSizeBinary;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proves, with Arrow Java as an independent implementation, that what rerun4j writes is valid Arrow IPC
 * that reads back identically, and that rerun4j reads what Arrow Java writes.
 * Arrow Java needs JVM flags, so this class runs in its own surefire execution (tag {@code arrow-java}).
 */
@Tag("arrow-java")
class ArrowJavaCrossCheckTest {

    /** A batch shaped like a Rerun DepthImage chunk plus a few more types, built with rerun4j. */
    static RecordBatch sampleBatch() {
        Field rowId = new Field("rerun.controls.RowId", new ArrowType.FixedSizeBinary(16), false,
                Map.of("rerun:kind", "control"), List.of());
        Field tick = new Field("log_tick", ArrowType.INT64, true, Map.of("rerun:kind", "index"), List.of());
        Field time = new Field("log_time", ArrowType.TIMESTAMP_NS, true, Map.of("rerun:kind", "index"), List.of());
        Field blob = Field.list("DepthImage:buffer",
                Field.list("item", Field.of("item", ArrowType.UINT8, false), true), true)
                .withMetadata(Map.of("rerun:component", "DepthImage:buffer"));
        Field format = Field.list("DepthImage:format", Field.struct("item", true,
                Field.of("width", ArrowType.UINT32, false), Field.of("height", ArrowType.UINT32, false),
                Field.of("pixel_format", ArrowType.UINT8, true), Field.of("color_model", ArrowType.UINT8, true),
                Field.of("channel_datatype", ArrowType.UINT8, true)), true);
        Field meter = Field.list("DepthImage:meter", Field.of("item", ArrowType.FLOAT32, true), true);
        Field range = Field.list("DepthImage:depth_range",
                Field.fixedSizeList("item", 2, Field.of("item", ArrowType.FLOAT64, false), true), true);
        Field name = Field.list("Name", Field.of("item", ArrowType.UTF8, true), true);

        ByteBuffer ids = ByteBuffer.allocate(32);
        ids.putLong(1).putLong(2).putLong(3).putLong(4).flip();
        ArrowArray rowIds = ArrowArray.primitive(2, ArrowBuffer.of(ids));
        ArrowArray ticks = ArrowArray.primitive(2, ArrowBuffer.ofLongs(new long[] {0, 1}));
        ArrowArray times = ArrowArray.primitive(2, ArrowBuffer.ofLongs(new long[] {1_700_000_000_000_000_000L, 1_700_000_000_000_000_001L}));
        // Two images, referenced as two segments of one values buffer.
        ArrowBuffer pixels = ArrowBuffer.concat(List.of(ArrowBuffer.of(new byte[] {1, 2, 3}), ArrowBuffer.of(new byte[] {4, 5})));
        ArrowArray blobs = ArrowArray.list(2, null, new int[] {0, 1, 2},
                ArrowArray.list(2, null, new int[] {0, 3, 5}, ArrowArray.primitive(5, pixels)));
        ArrowArray formats = ArrowArray.list(2, new boolean[] {true, false}, new int[] {0, 1, 1},
                ArrowArray.struct(1, null, List.of(
                        ArrowArray.primitive(1, ArrowBuffer.ofInts(new int[] {3})),
                        ArrowArray.primitive(1, ArrowBuffer.ofInts(new int[] {1})),
                        ArrowArray.primitive(1, new boolean[] {false}, ArrowBuffer.of(new byte[1])),
                        ArrowArray.primitive(1, new boolean[] {false}, ArrowBuffer.of(new byte[1])),
                        ArrowArray.primitive(1, ArrowBuffer.of(new byte[] {6})))));
        ArrowArray meters = ArrowArray.list(2, null, new int[] {0, 1, 2},
                ArrowArray.primitive(2, ArrowBuffer.ofFloats(new float[] {1000f, 10000f})));
        ArrowArray ranges = ArrowArray.list(2, new boolean[] {false, true}, new int[] {0, 0, 1},
                ArrowArray.fixedSizeList(1, null, ArrowArray.primitive(2, ArrowBuffer.ofDoubles(new double[] {0.5, 8.25}))));
        ArrowArray names = ArrowArray.list(2, null, new int[] {0, 1, 3}, ArrowArray.utf8(java.util.Arrays.asList("a", null, "höhe")));
        return new RecordBatch(Map.of("rerun:entity_path", "/world/camera/depth", "sorbet:version", "0.1.3"),
                List.of(rowId, tick, time, blob, format, meter, range, name),
                List.of(rowIds, ticks, times, blobs, formats, meters, ranges, names), 2);
    }

    @Test
    void arrowJavaReadsWhatRerun4jWrites() throws Exception {
        byte[] ipc = concat(ArrowIpcWriter.write(sampleBatch()));
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            Schema schema = root.getSchema();
            assertThat(schema.getCustomMetadata()).containsEntry("rerun:entity_path", "/world/camera/depth");
            assertThat(schema.getFields()).extracting(f -> f.getName() + " " + f.getType() + " " + f.isNullable()
                    + " " + f.getChildren()).containsExactly(
                    "rerun.controls.RowId FixedSizeBinary(16) false []",
                    "log_tick Int(64, true) true []",
                    "log_time Timestamp(NANOSECOND, null) true []",
                    "DepthImage:buffer List true [item: List<item: Int(8, false) not null>]",
                    "DepthImage:format List true [item: Struct<width: Int(32, false) not null, height: Int(32, false) not null, pixel_format: Int(8, false), color_model: Int(8, false), channel_datatype: Int(8, false)>]",
                    "DepthImage:meter List true [item: FloatingPoint(SINGLE)]",
                    "DepthImage:depth_range List true [item: FixedSizeList(2)<item: FloatingPoint(DOUBLE) not null>]",
                    "Name List true [item: Utf8]");
            assertThat(schema.getFields().get(0).getMetadata()).containsEntry("rerun:kind", "control");
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(root.getRowCount()).isEqualTo(2);
            assertThat(((FixedSizeBinaryVector) root.getVector(0)).get(1)).containsExactly(0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 4);
            assertThat(((BigIntVector) root.getVector(1)).get(1)).isEqualTo(1);
            assertThat(((TimeStampNanoVector) root.getVector(2)).get(0)).isEqualTo(1_700_000_000_000_000_000L);
            assertThat(root.getVector(3).getObject(0).toString()).isEqualTo("[[1,2,3]]");
            assertThat(root.getVector(3).getObject(1).toString()).isEqualTo("[[4,5]]");
            assertThat(root.getVector(4).getObject(0).toString()).isEqualTo("[{\"width\":3,\"height\":1,\"channel_datatype\":6}]");
            assertThat(root.getVector(4).isNull(1)).isTrue();
            assertThat(root.getVector(5).getObject(1).toString()).isEqualTo("[10000.0]");
            assertThat(root.getVector(6).isNull(0)).isTrue();
            assertThat(root.getVector(6).getObject(1).toString()).isEqualTo("[[0.5,8.25]]");
            assertThat(root.getVector(7).getObject(1).toString()).isEqualTo("[null,\"höhe\"]");
            assertThat(reader.loadNextBatch()).isFalse();
        }
    }

    @Test
    void rerun4jReadsWhatArrowJavaWrites() throws Exception {
        byte[] ipc;
        try (BufferAllocator allocator = new RootAllocator()) {
            org.apache.arrow.vector.types.pojo.Field u8Item = new org.apache.arrow.vector.types.pojo.Field("item",
                    FieldType.notNullable(new org.apache.arrow.vector.types.pojo.ArrowType.Int(8, false)), null);
            org.apache.arrow.vector.types.pojo.Field blobItem = new org.apache.arrow.vector.types.pojo.Field("item",
                    FieldType.nullable(org.apache.arrow.vector.types.pojo.ArrowType.List.INSTANCE), List.of(u8Item));
            org.apache.arrow.vector.types.pojo.Field blob = new org.apache.arrow.vector.types.pojo.Field("DepthImage:buffer",
                    new FieldType(true, org.apache.arrow.vector.types.pojo.ArrowType.List.INSTANCE, null, Map.of("rerun:kind", "data")), List.of(blobItem));
            org.apache.arrow.vector.types.pojo.Field f32 = new org.apache.arrow.vector.types.pojo.Field("item",
                    FieldType.notNullable(new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null);
            org.apache.arrow.vector.types.pojo.Field mat = new org.apache.arrow.vector.types.pojo.Field("mat",
                    FieldType.nullable(new org.apache.arrow.vector.types.pojo.ArrowType.FixedSizeList(9)), List.of(f32));
            org.apache.arrow.vector.types.pojo.Field ts = new org.apache.arrow.vector.types.pojo.Field("log_time",
                    FieldType.nullable(new org.apache.arrow.vector.types.pojo.ArrowType.Timestamp(TimeUnit.NANOSECOND, null)), null);
            org.apache.arrow.vector.types.pojo.Field str = new org.apache.arrow.vector.types.pojo.Field("name",
                    FieldType.nullable(org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE), null);
            org.apache.arrow.vector.types.pojo.Field id = new org.apache.arrow.vector.types.pojo.Field("id",
                    FieldType.notNullable(new FixedSizeBinary(16)), null);
            Schema schema = new Schema(List.of(id, ts, blob, mat, str), Map.of("sorbet:version", "0.1.3"));
            try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
                root.allocateNew();
                ((FixedSizeBinaryVector) root.getVector(0)).setSafe(0, new byte[16]);
                ((FixedSizeBinaryVector) root.getVector(0)).setSafe(1, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
                ((TimeStampNanoVector) root.getVector(1)).setSafe(0, 5L);
                ((TimeStampNanoVector) root.getVector(1)).setSafe(1, 7L);
                ListVector blobs = (ListVector) root.getVector(2);
                ListVector inner = (ListVector) blobs.getDataVector();
                UInt1Vector bytes = (UInt1Vector) inner.getDataVector();
                blobs.startNewValue(0);
                inner.startNewValue(0);
                for (int i = 0; i < 4; i++) {
                    bytes.setSafe(i, 10 + i);
                }
                inner.endValue(0, 4);
                blobs.endValue(0, 1);
                blobs.setNull(1);
                blobs.setValueCount(2);
                FixedSizeListVector mats = (FixedSizeListVector) root.getVector(3);
                Float4Vector matValues = (Float4Vector) mats.getDataVector();
                mats.setNotNull(0);
                for (int i = 0; i < 9; i++) {
                    matValues.setSafe(i, i * 0.5f);
                }
                mats.setNull(1);
                for (int i = 9; i < 18; i++) {
                    matValues.setSafe(i, 0f);
                }
                ((VarCharVector) root.getVector(4)).setSafe(0, "x".getBytes());
                ((VarCharVector) root.getVector(4)).setNull(1);
                root.setRowCount(2);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
                    writer.start();
                    writer.writeBatch();
                    writer.end();
                }
                ipc = out.toByteArray();
            }
        }

        RecordBatch batch = ArrowIpcReader.read(ByteBuffer.wrap(ipc));
        assertThat(batch.length()).isEqualTo(2);
        assertThat(batch.metadata()).containsEntry("sorbet:version", "0.1.3");
        assertThat(batch.fields()).extracting(Field::toString).containsExactly(
                "id: non-null FixedSizeBinary(16)",
                "log_time: Timestamp(NANOSECOND)",
                "DepthImage:buffer: List<item: List<item: non-null UInt8>> {rerun:kind=data}",
                "mat: FixedSizeList(9)<item: non-null Float32>",
                "name: Utf8");
        assertThat(batch.columns().get(0).values().get(16)).isEqualTo((byte) 9);
        assertThat(batch.columns().get(1).values().getLong(8)).isEqualTo(7L);
        ArrowArray blobs = batch.columns().get(2);
        assertThat(blobs.isNull(1)).isTrue();
        ArrowArray innerLists = blobs.child(0);
        assertThat(innerLists.offset(0)).isZero();
        assertThat(innerLists.offset(1)).isEqualTo(4);
        assertThat(innerLists.child(0).values().get(3)).isEqualTo((byte) 13);
        ArrowArray mats = batch.columns().get(3);
        assertThat(mats.isNull(0)).isFalse();
        assertThat(mats.isNull(1)).isTrue();
        assertThat(mats.child(0).values().getFloat(4 * 8)).isEqualTo(4f);
        assertThat(batch.columns().get(4).utf8(0)).isEqualTo("x");
        assertThat(batch.columns().get(4).isNull(1)).isTrue();
    }

    private static byte[] concat(List<ByteBuffer> segments) {
        ByteBuffer all = ByteBuffer.allocate((int) ArrowIpcWriter.length(segments));
        for (ByteBuffer s : new ArrayList<>(segments)) {
            all.put(s.duplicate());
        }
        return all.array();
    }
}
