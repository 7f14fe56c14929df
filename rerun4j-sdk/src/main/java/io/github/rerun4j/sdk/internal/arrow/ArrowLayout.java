package io.github.rerun4j.sdk.internal.arrow;

import java.nio.ByteBuffer;

/**
 * Checks that an array's buffers are large enough and its offsets consistent for its type, so that
 * later reads by index can never run outside the data.
 */
final class ArrowLayout {

    private ArrowLayout() {
    }

    static void validate(Field field, ArrowArray a) throws ArrowFormatException {
        ArrowType type = field.type();
        int n = a.length();
        if (type.bufferCount() > 0 && !(type instanceof ArrowType.Union) && a.nullCount() > 0) {
            need(field, "validity bitmap", a.buffers().get(0), (n + 7L) / 8);
        }
        if (type instanceof ArrowType.Null || type instanceof ArrowType.Struct) {
            for (ArrowArray child : a.children()) {
                if (type instanceof ArrowType.Struct && child.length() < n) {
                    throw new ArrowFormatException("struct column '" + field.name() + "' has " + n
                            + " rows but a child with only " + child.length());
                }
            }
            return;
        }
        if (type instanceof ArrowType.Bool) {
            need(field, "values", a.buffers().get(1), (n + 7L) / 8);
        } else if (fixedWidth(type) > 0) {
            need(field, "values", a.buffers().get(1), (long) n * fixedWidth(type));
        } else if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary) {
            checkOffsets(field, a.buffers().get(1), n, a.buffers().get(2).length(), false);
        } else if (type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.LargeBinary) {
            checkOffsets(field, a.buffers().get(1), n, a.buffers().get(2).length(), true);
        } else if (type instanceof ArrowType.List || type instanceof ArrowType.Map) {
            checkOffsets(field, a.buffers().get(1), n, a.child(0).length(), false);
        } else if (type instanceof ArrowType.LargeList) {
            checkOffsets(field, a.buffers().get(1), n, a.child(0).length(), true);
        } else if (type instanceof ArrowType.FixedSizeList t) {
            if ((long) n * t.listSize() > a.child(0).length()) {
                throw new ArrowFormatException("fixed-size-list column '" + field.name() + "' needs " + (long) n * t.listSize()
                        + " child values but has " + a.child(0).length());
            }
        } else if (type instanceof ArrowType.Union t) {
            need(field, "type ids", a.buffers().get(0), n);
            if (t.dense()) {
                need(field, "offsets", a.buffers().get(1), 4L * n);
            } else {
                for (ArrowArray child : a.children()) {
                    if (child.length() < n) {
                        throw new ArrowFormatException("sparse union '" + field.name() + "' has a child shorter than " + n);
                    }
                }
            }
        }
    }

    /** Bytes per value of fixed-width types, or 0. */
    static int fixedWidth(ArrowType type) {
        if (type instanceof ArrowType.Int t) return t.byteWidth();
        if (type instanceof ArrowType.FloatingPoint t) return t.byteWidth();
        if (type instanceof ArrowType.FixedSizeBinary t) return Math.max(t.byteWidth(), 0);
        if (type instanceof ArrowType.Timestamp || type instanceof ArrowType.Duration) return 8;
        if (type instanceof ArrowType.Date t) return t.millis() ? 8 : 4;
        if (type instanceof ArrowType.Time t) return t.bitWidth() / 8;
        if (type instanceof ArrowType.Decimal t) return t.bitWidth() / 8;
        if (type instanceof ArrowType.Interval t) return t.byteWidth();
        return 0;
    }

    private static void need(Field field, String what, ArrowBuffer buffer, long bytes) throws ArrowFormatException {
        if (buffer.length() < bytes) {
            throw new ArrowFormatException("column '" + field.name() + "': " + what + " buffer has " + buffer.length()
                    + " bytes, needs " + bytes);
        }
    }

    private static void checkOffsets(Field field, ArrowBuffer offsets, int n, long limit, boolean large)
            throws ArrowFormatException {
        if (n == 0 && offsets.length() == 0) {
            return;
        }
        int width = large ? 8 : 4;
        need(field, "offsets", offsets, (long) (n + 1) * width);
        ByteBuffer b = offsets.contiguous();
        long previous = large ? b.getLong(0) : b.getInt(0);
        if (previous < 0) {
            throw new ArrowFormatException("column '" + field.name() + "': negative first offset " + previous);
        }
        for (int i = 1; i <= n; i++) {
            long next = large ? b.getLong(i * 8) : b.getInt(i * 4);
            if (next < previous) {
                throw new ArrowFormatException("column '" + field.name() + "': offsets decrease at entry " + i
                        + " (" + previous + " then " + next + ")");
            }
            previous = next;
        }
        if (previous > limit) {
            throw new ArrowFormatException("column '" + field.name() + "': last offset " + previous
                    + " is beyond the " + limit + " values present");
        }
    }
}
