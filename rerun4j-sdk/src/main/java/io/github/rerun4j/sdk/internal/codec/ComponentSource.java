package io.github.rerun4j.sdk.internal.codec;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;

/**
 * Where the components of an archetype come from when it is read back: one chunk row, or (in the store) each
 * component's own latest-at row.
 *
 * <pre>{@code
 * ComponentSource row = ComponentSource.row(chunk, 0);
 * Float meter = row.read(ArchetypeCodec.DepthImageFields.METER, Serializers.FLOAT32);
 * }</pre>
 */
public interface ComponentSource {

    /** The first instance of the component, or null when it is absent, cleared or not of the exact Arrow type. */
    <T> T read(ComponentDescriptor descriptor, ComponentSerializer<T> serializer);

    /** The components logged in one row of a chunk. */
    static ComponentSource row(Chunk chunk, int row) {
        return new ComponentSource() {
            @Override
            public <T> T read(ComponentDescriptor descriptor, ComponentSerializer<T> serializer) {
                return ArchetypeCodec.read(chunk, row, descriptor, serializer);
            }
        };
    }
}
