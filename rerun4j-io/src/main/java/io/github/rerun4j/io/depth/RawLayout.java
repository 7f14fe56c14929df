package io.github.rerun4j.io.depth;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.Require;
import java.nio.ByteOrder;

/**
 * How to read a headerless depth file: {@code width x height} elements of {@code datatype}, row-major, starting
 * {@code offset} bytes into the file, in {@code byteOrder}. The file must hold exactly that many bytes after
 * the offset, so that a wrong width or type is refused rather than shown as noise.
 *
 * @param width     pixels per row, {@code > 0}
 * @param height    rows, {@code > 0}
 * @param datatype  element type
 * @param offset    bytes to skip (a header of known size), {@code >= 0}
 * @param byteOrder order of each element's bytes
 */
public record RawLayout(int width, int height, ChannelDatatype datatype, long offset, ByteOrder byteOrder) {

    /** Validates the fields. */
    public RawLayout {
        Require.positive("RawLayout.width", width);
        Require.positive("RawLayout.height", height);
        Require.nonNull("RawLayout.datatype", datatype);
        Require.nonNull("RawLayout.byteOrder", byteOrder);
        if (offset < 0) {
            throw new InvalidArgumentException("RawLayout.offset", Long.toString(offset), "a byte offset >= 0");
        }
    }

    /** Little-endian elements from the start of the file. */
    public static RawLayout of(int width, int height, ChannelDatatype datatype) {
        return new RawLayout(width, height, datatype, 0, ByteOrder.LITTLE_ENDIAN);
    }

    /** The same layout starting {@code offset} bytes into the file. */
    public RawLayout withOffset(long offset) {
        return new RawLayout(width, height, datatype, offset, byteOrder);
    }

    /** The same layout with elements in {@code byteOrder}. */
    public RawLayout withByteOrder(ByteOrder byteOrder) {
        return new RawLayout(width, height, datatype, offset, byteOrder);
    }
}
