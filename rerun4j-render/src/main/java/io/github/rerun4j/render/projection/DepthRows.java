package io.github.rerun4j.render.projection;

import io.github.rerun4j.render.image.DepthValues;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;

import java.nio.ByteBuffer;

/**
 * Reads depth pixels as the viewer's GPU sees them: every datatype becomes an f32 (U32/I32 converted,
 * U64/I64/F64 narrowed, F16 widened; docs/semantics.md §1.2). One row at a time into a reusable array, so
 * back-projection needs no per-pixel allocation and no full-image copy.
 */
final class DepthRows {

    private final ByteBuffer bytes;     // little-endian, absolute reads only
    private final ChannelDatatype type;
    private final int width;
    // U16 (the usual depth format): one bulk copy of the row, then a tight conversion loop.
    private final java.nio.ShortBuffer shorts;
    private final short[] shortRow;

    DepthRows(DepthImage depth) {
        this.bytes = depth.buffer().asByteBuffer();
        this.type = depth.datatype();
        this.width = depth.width();
        boolean u16 = type == ChannelDatatype.U16;
        this.shorts = u16 ? bytes.asShortBuffer() : null;
        this.shortRow = u16 ? new short[width] : null;
    }

    /** Fills {@code dst[0..width)} with row {@code y}. */
    void read(int y, float[] dst) {
        int e = y * width; // element index of the row start
        ByteBuffer b = bytes;
        int w = width;
        switch (type) {
            case U8 -> { for (int x = 0; x < w; x++) dst[x] = b.get(e + x) & 0xFF; }
            case I8 -> { for (int x = 0; x < w; x++) dst[x] = b.get(e + x); }
            case U16 -> {
                short[] r = shortRow;
                shorts.get(e, r, 0, w);
                for (int x = 0; x < w; x++) dst[x] = r[x] & 0xFFFF;
            }
            case I16 -> { for (int x = 0; x < w; x++) dst[x] = b.getShort((e + x) << 1); }
            case F16 -> { for (int x = 0; x < w; x++) dst[x] = DepthValues.halfToFloat(b.getShort((e + x) << 1)); }
            case U32 -> { for (int x = 0; x < w; x++) dst[x] = b.getInt((e + x) << 2) & 0xFFFFFFFFL; }
            case I32 -> { for (int x = 0; x < w; x++) dst[x] = b.getInt((e + x) << 2); }
            case F32 -> { for (int x = 0; x < w; x++) dst[x] = b.getFloat((e + x) << 2); }
            case U64 -> { for (int x = 0; x < w; x++) dst[x] = DepthValues.unsignedToFloat(b.getLong((e + x) << 3)); }
            case I64 -> { for (int x = 0; x < w; x++) dst[x] = b.getLong((e + x) << 3); }
            case F64 -> { for (int x = 0; x < w; x++) dst[x] = (float) b.getDouble((e + x) << 3); }
        }
    }

}
