package io.github.rerun4j.sdk.internal.codec;

import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import java.util.Objects;

/**
 * One logged component instance with what is needed to put it in a column.
 *
 * @param descriptor which component this is
 * @param serializer its Arrow datatype
 * @param value      the instance
 * @param <T>        the Java type of the instance
 */
public record ComponentValue<T>(ComponentDescriptor descriptor, ComponentSerializer<T> serializer, T value) {

    public ComponentValue {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(serializer, "serializer");
        Objects.requireNonNull(value, "value");
    }

    public long estimatedBytes() {
        return serializer.estimatedBytes(value);
    }
}
