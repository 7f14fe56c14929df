package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Headerless depth pixels read with a {@link RawLayout} the user gives. */
final class RawDepth {

    private RawDepth() {
    }

    static DepthImage read(Path file, byte[] bytes, RawLayout layout) throws FileFormatException {
        int dataBytes = DepthPixels.byteCount(file, "layout (width, height, type)", layout.width(), layout.height(),
                layout.datatype());
        long after = bytes.length - layout.offset();
        if (after != dataBytes) {
            throw new FileFormatException(file, "offset " + layout.offset() + " (pixel data)", "expected exactly "
                    + dataBytes + " bytes (" + layout.width() + "x" + layout.height() + " " + layout.datatype()
                    + "), found " + Math.max(0, after) + (after < dataBytes ? ": truncated, or a wrong width, height or type"
                    : ": a wrong width, height, type or offset"));
        }
        ByteBuffer pixels = ElementCopy.toLittleEndianRows(bytes, (int) layout.offset(), layout.width(), layout.height(),
                layout.datatype().bytesPerElement(), layout.byteOrder() == ByteOrder.BIG_ENDIAN,
                ElementCopy.Order.ROWS_TOP_DOWN);
        DepthPixels.infinitiesToNaN(pixels, layout.datatype());
        return DepthPixels.image(pixels, layout.width(), layout.height(), layout.datatype());
    }
}
