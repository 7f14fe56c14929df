package io.github.rerun4j.sdk.internal.arrow;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;

/**
 * Writes a {@link RecordBatch} as an Arrow IPC <em>stream</em>: schema message, one record batch,
 * end-of-stream marker. Little-endian, metadata V5, buffers 8-byte aligned, no compression.
 *
 * <p>The result is a list of segments to be written in order; array buffers are referenced, not
 * copied, so large pixel buffers go from the caller's memory to the channel directly.
 *
 * <pre>{@code
 * List<ByteBuffer> segments = ArrowIpcWriter.write(ChunkCodec.toRecordBatch(chunk));
 * channel.write(segments.toArray(ByteBuffer[]::new));
 * }</pre>
 */
public final class ArrowIpcWriter {

    private static final byte[] PADDING = new byte[8];

    private ArrowIpcWriter() {
    }

    public static List<ByteBuffer> write(RecordBatch batch) {
        List<ByteBuffer> out = new ArrayList<>();
        out.add(encapsulate(schemaMessage(batch.metadata(), batch.fields())));

        List<long[]> nodes = new ArrayList<>();
        List<ArrowBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < batch.fields().size(); i++) {
            flatten(batch.fields().get(i), batch.columns().get(i), nodes, buffers);
        }
        long[][] bufferSpans = new long[buffers.size()][];
        long bodyLength = 0;
        for (int i = 0; i < buffers.size(); i++) {
            long len = buffers.get(i).length();
            bufferSpans[i] = new long[] {bodyLength, len};
            bodyLength += padded(len);
        }
        out.add(encapsulate(recordBatchMessage(batch.length(), nodes, bufferSpans, bodyLength)));
        for (ArrowBuffer buffer : buffers) {
            for (ByteBuffer segment : buffer.segments()) {
                out.add(segment);
            }
            int pad = (int) (padded(buffer.length()) - buffer.length());
            if (pad > 0) {
                out.add(ByteBuffer.wrap(PADDING, 0, pad));
            }
        }
        out.add(ByteBuffer.wrap(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0}));
        return out;
    }

    /**
     * An IPC stream holding only a schema and the end-of-stream marker: how Rerun's manifests carry their
     * recording's schema.
     */
    public static byte[] writeSchema(Map<String, String> metadata, List<Field> fields) {
        ByteBuffer schema = encapsulate(schemaMessage(metadata, fields));
        ByteBuffer out = ByteBuffer.allocate(schema.remaining() + 8).order(ByteOrder.LITTLE_ENDIAN);
        out.put(schema).putInt(-1).putInt(0);
        return out.array();
    }

    /** Total number of bytes in {@code segments}. */
    public static long length(List<ByteBuffer> segments) {
        long n = 0;
        for (ByteBuffer s : segments) {
            n += s.remaining();
        }
        return n;
    }

    private static long padded(long len) {
        return (len + 7) & ~7L;
    }

    private static void flatten(Field field, ArrowArray array, List<long[]> nodes, List<ArrowBuffer> buffers) {
        int expectedBuffers = field.type().bufferCount();
        if (array.buffers().size() != expectedBuffers) {
            throw new IllegalArgumentException("column '" + field.name() + "' of type " + field.type() + ": got "
                    + array.buffers().size() + " buffers, expected " + expectedBuffers);
        }
        if (array.children().size() != field.children().size()) {
            throw new IllegalArgumentException("column '" + field.name() + "': got " + array.children().size()
                    + " child arrays, expected " + field.children().size());
        }
        nodes.add(new long[] {array.length(), array.nullCount()});
        buffers.addAll(array.buffers());
        for (int i = 0; i < field.children().size(); i++) {
            flatten(field.children().get(i), array.children().get(i), nodes, buffers);
        }
    }

    /** Continuation marker, padded metadata length, flatbuffer, padding to 8 bytes. */
    private static ByteBuffer encapsulate(ByteBuffer flatbuffer) {
        int size = flatbuffer.remaining();
        int paddedSize = (int) padded(size + 8) - 8;
        ByteBuffer out = ByteBuffer.allocate(8 + paddedSize).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(-1).putInt(paddedSize).put(flatbuffer);
        return out.position(0);
    }

    private static ByteBuffer schemaMessage(Map<String, String> schemaMetadata, List<Field> fields) {
        FlatBufferBuilder b = new FlatBufferBuilder(1024);
        int[] fieldOffsets = new int[fields.size()];
        for (int i = 0; i < fieldOffsets.length; i++) {
            fieldOffsets[i] = writeField(b, fields.get(i));
        }
        int fieldsVector = Schema.createFieldsVector(b, fieldOffsets);
        int metadataVector = writeMetadata(b, schemaMetadata);
        Schema.startSchema(b);
        Schema.addEndianness(b, Endianness.Little);
        Schema.addFields(b, fieldsVector);
        if (metadataVector != 0) {
            Schema.addCustomMetadata(b, metadataVector);
        }
        int schema = Schema.endSchema(b);
        return finishMessage(b, MessageHeader.Schema, schema, 0);
    }

    private static ByteBuffer recordBatchMessage(int length, List<long[]> nodes, long[][] buffers, long bodyLength) {
        FlatBufferBuilder b = new FlatBufferBuilder(256 + nodes.size() * 16 + buffers.length * 16);
        org.apache.arrow.flatbuf.RecordBatch.startNodesVector(b, nodes.size());
        for (int i = nodes.size() - 1; i >= 0; i--) {
            FieldNode.createFieldNode(b, nodes.get(i)[0], nodes.get(i)[1]);
        }
        int nodesVector = b.endVector();
        org.apache.arrow.flatbuf.RecordBatch.startBuffersVector(b, buffers.length);
        for (int i = buffers.length - 1; i >= 0; i--) {
            Buffer.createBuffer(b, buffers[i][0], buffers[i][1]);
        }
        int buffersVector = b.endVector();
        org.apache.arrow.flatbuf.RecordBatch.startRecordBatch(b);
        org.apache.arrow.flatbuf.RecordBatch.addLength(b, length);
        org.apache.arrow.flatbuf.RecordBatch.addNodes(b, nodesVector);
        org.apache.arrow.flatbuf.RecordBatch.addBuffers(b, buffersVector);
        int recordBatch = org.apache.arrow.flatbuf.RecordBatch.endRecordBatch(b);
        return finishMessage(b, MessageHeader.RecordBatch, recordBatch, bodyLength);
    }

    private static ByteBuffer finishMessage(FlatBufferBuilder b, byte headerType, int header, long bodyLength) {
        Message.startMessage(b);
        Message.addVersion(b, MetadataVersion.V5);
        Message.addHeaderType(b, headerType);
        Message.addHeader(b, header);
        Message.addBodyLength(b, bodyLength);
        b.finish(Message.endMessage(b));
        return b.dataBuffer();
    }

    private static int writeMetadata(FlatBufferBuilder b, Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return 0;
        }
        int[] entries = new int[metadata.size()];
        int i = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            int key = b.createString(e.getKey());
            int value = b.createString(e.getValue());
            entries[i++] = KeyValue.createKeyValue(b, key, value);
        }
        return Schema.createCustomMetadataVector(b, entries);
    }

    private static int writeField(FlatBufferBuilder b, Field field) {
        int name = b.createString(field.name());
        int[] children = new int[field.children().size()];
        for (int i = 0; i < children.length; i++) {
            children[i] = writeField(b, field.children().get(i));
        }
        int childrenVector = org.apache.arrow.flatbuf.Field.createChildrenVector(b, children);
        int metadataVector = writeMetadata(b, field.metadata());
        byte typeTag = typeTag(field.type());
        int type = writeType(b, field.type());
        org.apache.arrow.flatbuf.Field.startField(b);
        org.apache.arrow.flatbuf.Field.addName(b, name);
        org.apache.arrow.flatbuf.Field.addNullable(b, field.nullable());
        org.apache.arrow.flatbuf.Field.addTypeType(b, typeTag);
        org.apache.arrow.flatbuf.Field.addType(b, type);
        org.apache.arrow.flatbuf.Field.addChildren(b, childrenVector);
        if (metadataVector != 0) {
            org.apache.arrow.flatbuf.Field.addCustomMetadata(b, metadataVector);
        }
        return org.apache.arrow.flatbuf.Field.endField(b);
    }

    static byte typeTag(ArrowType type) {
        if (type instanceof ArrowType.Null) return Type.Null;
        if (type instanceof ArrowType.Bool) return Type.Bool;
        if (type instanceof ArrowType.Int) return Type.Int;
        if (type instanceof ArrowType.FloatingPoint) return Type.FloatingPoint;
        if (type instanceof ArrowType.Utf8) return Type.Utf8;
        if (type instanceof ArrowType.Binary) return Type.Binary;
        if (type instanceof ArrowType.LargeUtf8) return Type.LargeUtf8;
        if (type instanceof ArrowType.LargeBinary) return Type.LargeBinary;
        if (type instanceof ArrowType.FixedSizeBinary) return Type.FixedSizeBinary;
        if (type instanceof ArrowType.List) return Type.List;
        if (type instanceof ArrowType.LargeList) return Type.LargeList;
        if (type instanceof ArrowType.FixedSizeList) return Type.FixedSizeList;
        if (type instanceof ArrowType.Struct) return Type.Struct_;
        if (type instanceof ArrowType.Map) return Type.Map;
        if (type instanceof ArrowType.Union) return Type.Union;
        if (type instanceof ArrowType.Timestamp) return Type.Timestamp;
        if (type instanceof ArrowType.Duration) return Type.Duration;
        if (type instanceof ArrowType.Date) return Type.Date;
        if (type instanceof ArrowType.Time) return Type.Time;
        if (type instanceof ArrowType.Decimal) return Type.Decimal;
        if (type instanceof ArrowType.Interval) return Type.Interval;
        throw new IllegalArgumentException("cannot write Arrow type " + type);
    }

    private static int writeType(FlatBufferBuilder b, ArrowType type) {
        if (type instanceof ArrowType.Int t) {
            return org.apache.arrow.flatbuf.Int.createInt(b, t.bitWidth(), t.signed());
        }
        if (type instanceof ArrowType.FloatingPoint t) {
            return org.apache.arrow.flatbuf.FloatingPoint.createFloatingPoint(b, (short) t.precision().ordinal());
        }
        if (type instanceof ArrowType.FixedSizeBinary t) {
            return org.apache.arrow.flatbuf.FixedSizeBinary.createFixedSizeBinary(b, t.byteWidth());
        }
        if (type instanceof ArrowType.FixedSizeList t) {
            return org.apache.arrow.flatbuf.FixedSizeList.createFixedSizeList(b, t.listSize());
        }
        if (type instanceof ArrowType.Map t) {
            return org.apache.arrow.flatbuf.Map.createMap(b, t.keysSorted());
        }
        if (type instanceof ArrowType.Union t) {
            int ids = t.typeIds() == null ? 0 : org.apache.arrow.flatbuf.Union.createTypeIdsVector(b, t.typeIds());
            return org.apache.arrow.flatbuf.Union.createUnion(b, (short) (t.dense() ? 1 : 0), ids);
        }
        if (type instanceof ArrowType.Timestamp t) {
            int tz = t.timezone() == null ? 0 : b.createString(t.timezone());
            return org.apache.arrow.flatbuf.Timestamp.createTimestamp(b, (short) t.unit().ordinal(), tz);
        }
        if (type instanceof ArrowType.Duration t) {
            return org.apache.arrow.flatbuf.Duration.createDuration(b, (short) t.unit().ordinal());
        }
        if (type instanceof ArrowType.Date t) {
            return org.apache.arrow.flatbuf.Date.createDate(b, (short) (t.millis() ? 1 : 0));
        }
        if (type instanceof ArrowType.Time t) {
            return org.apache.arrow.flatbuf.Time.createTime(b, (short) t.unit().ordinal(), t.bitWidth());
        }
        if (type instanceof ArrowType.Decimal t) {
            return org.apache.arrow.flatbuf.Decimal.createDecimal(b, t.precision(), t.scale(), t.bitWidth());
        }
        if (type instanceof ArrowType.Interval t) {
            return org.apache.arrow.flatbuf.Interval.createInterval(b, (short) t.unit());
        }
        // Types without parameters are empty tables.
        b.startTable(0);
        return b.endTable();
    }
}
