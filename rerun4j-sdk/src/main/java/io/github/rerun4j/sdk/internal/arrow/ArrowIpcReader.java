package io.github.rerun4j.sdk.internal.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;

/**
 * Reads the schema and the first record batch of an Arrow IPC stream, as Rerun does for a chunk.
 *
 * <p>Every length and offset is checked against the bytes actually present before it is used, so damaged
 * input gives an {@link ArrowFormatException} naming the problem, never an allocation the input could not
 * back or an unchecked exception. Buffers of the result are slices of the input (not copied).
 *
 * <pre>{@code
 * for (RrdRecord r : RrdReader.readAll(path)) {
 *     if (r.message() instanceof RrdMessage.ArrowMsg arrow) {
 *         RecordBatch batch = ArrowIpcReader.read(arrow.ipc());
 *     }
 * }
 * }</pre>
 */
public final class ArrowIpcReader {

    private static final int MAX_NESTING = 64;

    private ArrowIpcReader() {
    }

    public static RecordBatch read(ByteBuffer ipc) throws ArrowFormatException {
        try {
            return new ArrowIpcReader.State(ipc.slice().order(ByteOrder.LITTLE_ENDIAN)).readFirstBatch();
        } catch (ArrowFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // flatbuffers-java does not validate; a damaged table surfaces as an index or argument error.
            throw new ArrowFormatException("damaged Arrow IPC metadata: " + e, e);
        }
    }

    /**
     * The schema at the start of an IPC stream that may hold no record batch (as Rerun's manifests carry their
     * recording's schema): the fields, in order.
     */
    public static List<Field> readSchema(ByteBuffer ipc) throws ArrowFormatException {
        try {
            State state = new ArrowIpcReader.State(ipc.slice().order(ByteOrder.LITTLE_ENDIAN));
            state.schemaOnly = true;
            state.readFirstBatch();
            return List.copyOf(state.fields);
        } catch (ArrowFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ArrowFormatException("damaged Arrow IPC metadata: " + e, e);
        }
    }

    private static final class State {
        private boolean schemaOnly;
        private final ByteBuffer in;
        private List<Field> fields;
        private Map<String, String> schemaMetadata;
        private List<long[]> nodes;
        private int nextNode;
        private List<ArrowBuffer> buffers;
        private int nextBuffer;

        State(ByteBuffer in) {
            this.in = in;
        }

        RecordBatch readFirstBatch() throws ArrowFormatException {
            while (true) {
                int messageStart = in.position();
                if (in.remaining() < 4) {
                    throw new ArrowFormatException(fields == null ? "Arrow IPC stream has no schema" : "missing record batch");
                }
                int size = in.getInt();
                if (size == -1) {
                    if (in.remaining() < 4) {
                        throw new ArrowFormatException("Arrow IPC stream truncated after a continuation marker at byte " + messageStart);
                    }
                    size = in.getInt();
                }
                if (size == 0) {
                    throw new ArrowFormatException(fields == null ? "Arrow IPC stream has no schema" : "missing record batch");
                }
                if (size < 0 || size > in.remaining()) {
                    throw new ArrowFormatException("Arrow IPC message at byte " + messageStart + " claims " + size
                            + " metadata bytes but only " + in.remaining() + " remain");
                }
                ByteBuffer meta = in.slice(in.position(), size).order(ByteOrder.LITTLE_ENDIAN);
                in.position(in.position() + size);
                Message message = Message.getRootAsMessage(meta);
                long bodyLength = message.bodyLength();
                if (bodyLength < 0 || bodyLength > in.remaining()) {
                    throw new ArrowFormatException("Arrow IPC message at byte " + messageStart + " claims a body of "
                            + bodyLength + " bytes but only " + in.remaining() + " remain");
                }
                ByteBuffer body = in.slice(in.position(), (int) bodyLength).order(ByteOrder.LITTLE_ENDIAN);
                in.position(in.position() + (int) bodyLength);
                switch (message.headerType()) {
                    case MessageHeader.Schema -> {
                        readSchema((Schema) message.header(new Schema()));
                        if (schemaOnly) {
                            return null;
                        }
                    }
                    case MessageHeader.RecordBatch -> {
                        if (fields == null) {
                            throw new ArrowFormatException("Arrow IPC record batch before the schema");
                        }
                        return readBatch((org.apache.arrow.flatbuf.RecordBatch) message.header(new org.apache.arrow.flatbuf.RecordBatch()), body);
                    }
                    case MessageHeader.DictionaryBatch -> throw new ArrowFormatException("dictionary-encoded Arrow columns are not supported");
                    default -> throw new ArrowFormatException("unexpected Arrow IPC message type " + message.headerType());
                }
            }
        }

        private void readSchema(Schema schema) throws ArrowFormatException {
            if (schema.endianness() != 0) {
                throw new ArrowFormatException("big-endian Arrow IPC is not supported");
            }
            int count = checkedCount(schema.fieldsLength(), "schema fields");
            List<Field> result = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                result.add(readField(schema.fields(i), 0));
            }
            schemaMetadata = new LinkedHashMap<>();
            int metaCount = checkedCount(schema.customMetadataLength(), "schema metadata");
            for (int i = 0; i < metaCount; i++) {
                KeyValue kv = schema.customMetadata(i);
                schemaMetadata.put(nonNull(kv.key()), nonNull(kv.value()));
            }
            fields = result;
        }

        private Field readField(org.apache.arrow.flatbuf.Field f, int depth) throws ArrowFormatException {
            if (depth > MAX_NESTING) {
                throw new ArrowFormatException("Arrow schema nested deeper than " + MAX_NESTING + " levels");
            }
            if (f.dictionary() != null) {
                throw new ArrowFormatException("dictionary-encoded Arrow field '" + f.name() + "' is not supported");
            }
            String name = nonNull(f.name());
            ArrowType type = readType(f);
            int childCount = checkedCount(f.childrenLength(), "children of field '" + name + "'");
            List<Field> children = new ArrayList<>(childCount);
            for (int i = 0; i < childCount; i++) {
                children.add(readField(f.children(i), depth + 1));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            int metaCount = checkedCount(f.customMetadataLength(), "metadata of field '" + name + "'");
            for (int i = 0; i < metaCount; i++) {
                KeyValue kv = f.customMetadata(i);
                metadata.put(nonNull(kv.key()), nonNull(kv.value()));
            }
            int expectedChildren = expectedChildren(type);
            if (expectedChildren >= 0 && childCount != expectedChildren) {
                throw new ArrowFormatException("Arrow field '" + name + "' of type " + type + " has " + childCount
                        + " children, expected " + expectedChildren);
            }
            return new Field(name, type, f.nullable(), metadata, children);
        }

        private static int expectedChildren(ArrowType type) {
            if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList
                    || type instanceof ArrowType.FixedSizeList || type instanceof ArrowType.Map) {
                return 1;
            }
            if (type instanceof ArrowType.Struct || type instanceof ArrowType.Union) {
                return -1;
            }
            return 0;
        }

        private ArrowType readType(org.apache.arrow.flatbuf.Field f) throws ArrowFormatException {
            byte tag = f.typeType();
            switch (tag) {
                case Type.Null: return ArrowType.NULL;
                case Type.Bool: return ArrowType.BOOL;
                case Type.Int: {
                    var t = (org.apache.arrow.flatbuf.Int) f.type(new org.apache.arrow.flatbuf.Int());
                    int width = t.bitWidth();
                    if (width != 8 && width != 16 && width != 32 && width != 64) {
                        throw new ArrowFormatException("Arrow Int of bit width " + width + " in field '" + f.name() + "'");
                    }
                    return new ArrowType.Int(width, t.isSigned());
                }
                case Type.FloatingPoint: {
                    var t = (org.apache.arrow.flatbuf.FloatingPoint) f.type(new org.apache.arrow.flatbuf.FloatingPoint());
                    int p = t.precision();
                    if (p < 0 || p > 2) {
                        throw new ArrowFormatException("Arrow float precision " + p + " in field '" + f.name() + "'");
                    }
                    return new ArrowType.FloatingPoint(ArrowType.Precision.values()[p]);
                }
                case Type.Utf8: return ArrowType.UTF8;
                case Type.Binary: return ArrowType.BINARY;
                case Type.LargeUtf8: return new ArrowType.LargeUtf8();
                case Type.LargeBinary: return new ArrowType.LargeBinary();
                case Type.FixedSizeBinary: {
                    var t = (org.apache.arrow.flatbuf.FixedSizeBinary) f.type(new org.apache.arrow.flatbuf.FixedSizeBinary());
                    if (t.byteWidth() < 0) {
                        throw new ArrowFormatException("negative FixedSizeBinary width in field '" + f.name() + "'");
                    }
                    return new ArrowType.FixedSizeBinary(t.byteWidth());
                }
                case Type.List: return ArrowType.LIST;
                case Type.LargeList: return new ArrowType.LargeList();
                case Type.FixedSizeList: {
                    var t = (org.apache.arrow.flatbuf.FixedSizeList) f.type(new org.apache.arrow.flatbuf.FixedSizeList());
                    if (t.listSize() < 0) {
                        throw new ArrowFormatException("negative FixedSizeList size in field '" + f.name() + "'");
                    }
                    return new ArrowType.FixedSizeList(t.listSize());
                }
                case Type.Struct_: return ArrowType.STRUCT;
                case Type.Map: {
                    var t = (org.apache.arrow.flatbuf.Map) f.type(new org.apache.arrow.flatbuf.Map());
                    return new ArrowType.Map(t.keysSorted());
                }
                case Type.Union: {
                    var t = (org.apache.arrow.flatbuf.Union) f.type(new org.apache.arrow.flatbuf.Union());
                    int n = checkedCount(t.typeIdsLength(), "union type ids");
                    int[] ids = null;
                    if (n > 0) {
                        ids = new int[n];
                        for (int i = 0; i < n; i++) {
                            ids[i] = t.typeIds(i);
                        }
                    }
                    return new ArrowType.Union(t.mode() == 1, ids);
                }
                case Type.Timestamp: {
                    var t = (org.apache.arrow.flatbuf.Timestamp) f.type(new org.apache.arrow.flatbuf.Timestamp());
                    return new ArrowType.Timestamp(timeUnit(t.unit(), f), t.timezone());
                }
                case Type.Duration: {
                    var t = (org.apache.arrow.flatbuf.Duration) f.type(new org.apache.arrow.flatbuf.Duration());
                    return new ArrowType.Duration(timeUnit(t.unit(), f));
                }
                case Type.Date: {
                    var t = (org.apache.arrow.flatbuf.Date) f.type(new org.apache.arrow.flatbuf.Date());
                    return new ArrowType.Date(t.unit() == 1);
                }
                case Type.Time: {
                    var t = (org.apache.arrow.flatbuf.Time) f.type(new org.apache.arrow.flatbuf.Time());
                    return new ArrowType.Time(timeUnit(t.unit(), f), t.bitWidth());
                }
                case Type.Decimal: {
                    var t = (org.apache.arrow.flatbuf.Decimal) f.type(new org.apache.arrow.flatbuf.Decimal());
                    if (t.bitWidth() != 128 && t.bitWidth() != 256 && t.bitWidth() != 32 && t.bitWidth() != 64) {
                        throw new ArrowFormatException("Arrow Decimal of bit width " + t.bitWidth() + " in field '" + f.name() + "'");
                    }
                    return new ArrowType.Decimal(t.precision(), t.scale(), t.bitWidth());
                }
                case Type.Interval: {
                    var t = (org.apache.arrow.flatbuf.Interval) f.type(new org.apache.arrow.flatbuf.Interval());
                    return new ArrowType.Interval(t.unit());
                }
                default: {
                    String name = tag >= 0 && tag < Type.names.length ? Type.names[tag] : "type #" + tag;
                    return new ArrowType.Unsupported(tag, name);
                }
            }
        }

        private static ArrowType.TimeUnit timeUnit(short code, org.apache.arrow.flatbuf.Field f) throws ArrowFormatException {
            if (code < 0 || code > 3) {
                throw new ArrowFormatException("Arrow time unit " + code + " in field '" + f.name() + "'");
            }
            return ArrowType.TimeUnit.values()[code];
        }

        private RecordBatch readBatch(org.apache.arrow.flatbuf.RecordBatch rb, ByteBuffer body) throws ArrowFormatException {
            if (rb.compression() != null) {
                throw new ArrowFormatException("Arrow IPC body compression is not supported (Rerun compresses whole messages)");
            }
            long length = rb.length();
            if (length < 0 || length > Integer.MAX_VALUE) {
                throw new ArrowFormatException("Arrow record batch length " + length + " out of range");
            }
            int nodeCount = checkedCount(rb.nodesLength(), "field nodes");
            nodes = new ArrayList<>(nodeCount);
            org.apache.arrow.flatbuf.FieldNode node = new org.apache.arrow.flatbuf.FieldNode();
            for (int i = 0; i < nodeCount; i++) {
                rb.nodes(node, i);
                nodes.add(new long[] {node.length(), node.nullCount()});
            }
            int bufferCount = checkedCount(rb.buffersLength(), "buffers");
            buffers = new ArrayList<>(bufferCount);
            org.apache.arrow.flatbuf.Buffer buf = new org.apache.arrow.flatbuf.Buffer();
            for (int i = 0; i < bufferCount; i++) {
                rb.buffers(buf, i);
                long offset = buf.offset();
                long len = buf.length();
                if (offset < 0 || len < 0 || offset > body.capacity() || len > body.capacity() - offset) {
                    throw new ArrowFormatException("Arrow buffer " + i + " (offset " + offset + ", length " + len
                            + ") lies outside the " + body.capacity() + "-byte message body");
                }
                buffers.add(len == 0 ? ArrowBuffer.EMPTY : ArrowBuffer.of(body.slice((int) offset, (int) len)));
            }
            List<ArrowArray> columns = new ArrayList<>(fields.size());
            for (Field field : fields) {
                ArrowArray column = readArray(field);
                if (column.length() != length) {
                    throw new ArrowFormatException("column '" + field.name() + "' has " + column.length()
                            + " rows, the record batch " + length);
                }
                columns.add(column);
            }
            return new RecordBatch(schemaMetadata, fields, columns, (int) length);
        }

        private ArrowArray readArray(Field field) throws ArrowFormatException {
            if (field.type() instanceof ArrowType.Unsupported u) {
                throw new ArrowFormatException("column '" + field.name() + "' uses Arrow type " + u.name()
                        + ", which rerun4j cannot read");
            }
            if (nextNode >= nodes.size()) {
                throw new ArrowFormatException("Arrow record batch has too few field nodes for column '" + field.name() + "'");
            }
            long[] node = nodes.get(nextNode++);
            if (node[0] < 0 || node[0] > Integer.MAX_VALUE || node[1] < 0 || node[1] > node[0]) {
                throw new ArrowFormatException("field node of '" + field.name() + "' has length " + node[0]
                        + " and null count " + node[1]);
            }
            int length = (int) node[0];
            int count = field.type().bufferCount();
            if (nextBuffer + count > buffers.size()) {
                throw new ArrowFormatException("Arrow record batch has too few buffers for column '" + field.name() + "'");
            }
            List<ArrowBuffer> own = buffers.subList(nextBuffer, nextBuffer + count);
            nextBuffer += count;
            List<ArrowArray> children = new ArrayList<>(field.children().size());
            for (Field child : field.children()) {
                children.add(readArray(child));
            }
            ArrowArray array = new ArrowArray(length, (int) node[1], own, children);
            ArrowLayout.validate(field, array);
            return array;
        }

        private int checkedCount(int n, String what) throws ArrowFormatException {
            // Each vector element takes at least 4 bytes of the message, so this bounds loops and allocations.
            if (n < 0 || n > in.capacity() / 4 + 1) {
                throw new ArrowFormatException("Arrow IPC metadata claims " + n + " " + what);
            }
            return n;
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }
}
