package io.github.rerun4j.sdk.internal.codec;

import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.Field;
import java.util.List;

/**
 * How one Rerun component datatype maps to Arrow: the exact item field (the viewer compares it for
 * equality, child names and nullability included), encoding of instances and decoding of one instance.
 *
 * <pre>{@code
 * ArrowArray items = Serializers.FLOAT32.encode(List.of(1000f));
 * float meter = Serializers.FLOAT32.decode(items, 0);
 * }</pre>
 *
 * @param <T> the Java type of one instance
 */
public interface ComponentSerializer<T> {

    /** The Arrow field of one instance, named {@code item}, exactly as Rerun 0.33 expects it. */
    Field itemField();

    /** One array entry per value, in order. */
    ArrowArray encode(List<T> values);

    /** The instance at {@code index}; the caller has checked that the array has {@link #itemField()}'s type. */
    T decode(ArrowArray items, int index);

    /** Bytes this value adds to a batch, for batching thresholds. */
    default long estimatedBytes(T value) {
        return 16;
    }
}
