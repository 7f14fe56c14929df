package io.github.rerun4j.sdk.internal.arrow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema (fields + schema metadata) and one batch of equally long columns: exactly what one Rerun
 * chunk is on the wire.
 *
 * <pre>{@code
 * Field field = Field.of("value", ArrowType.FLOAT32, false);
 * ArrowArray array = ArrowArray.primitive(1, ArrowBuffer.ofFloats(new float[] {1000}));
 * RecordBatch batch = new RecordBatch(Map.of("k", "v"), List.of(field), List.of(array), 1);
 * List<ByteBuffer> ipc = ArrowIpcWriter.write(batch);
 * }</pre>
 */
public record RecordBatch(Map<String, String> metadata, List<Field> fields, List<ArrowArray> columns, int length) {

    public RecordBatch {
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        fields = List.copyOf(fields);
        columns = List.copyOf(columns);
        if (fields.size() != columns.size()) {
            throw new IllegalArgumentException("RecordBatch: " + fields.size() + " fields but " + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).length() != length) {
                throw new IllegalArgumentException("RecordBatch column '" + fields.get(i).name() + "': length "
                        + columns.get(i).length() + ", expected " + length);
            }
        }
    }
}
