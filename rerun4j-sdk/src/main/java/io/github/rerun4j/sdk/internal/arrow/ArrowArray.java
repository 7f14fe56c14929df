package io.github.rerun4j.sdk.internal.arrow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The data of one Arrow array in its IPC layout: length, null count, buffers in the order the Arrow
 * columnar format defines for the type (validity first where the type has one), and child arrays.
 * The type lives in the matching {@link Field}.
 *
 * <pre>{@code
 * ArrowArray values = ArrowArray.primitive(3, ArrowBuffer.ofFloats(new float[] {1, 2, 3}));
 * ArrowArray rows = ArrowArray.list(1, null, new int[] {0, 3}, values);   // [[1, 2, 3]]
 * }</pre>
 */
public record ArrowArray(int length, int nullCount, List<ArrowBuffer> buffers, List<ArrowArray> children) {

    public ArrowArray {
        if (length < 0 || nullCount < 0 || nullCount > length) {
            throw new IllegalArgumentException("ArrowArray: length " + length + ", nullCount " + nullCount);
        }
        buffers = List.copyOf(buffers);
        children = List.copyOf(children);
    }

    /** A fixed-width array with no nulls. */
    public static ArrowArray primitive(int length, ArrowBuffer values) {
        return new ArrowArray(length, 0, List.of(ArrowBuffer.EMPTY, values), List.of());
    }

    /** A fixed-width array; {@code valid == null} means no nulls. */
    public static ArrowArray primitive(int length, boolean[] valid, ArrowBuffer values) {
        return new ArrowArray(length, nulls(valid), List.of(validity(valid), values), List.of());
    }

    /** A 32-bit-offset list array; {@code offsets.length == length + 1}; {@code valid == null} means no nulls. */
    public static ArrowArray list(int length, boolean[] valid, int[] offsets, ArrowArray items) {
        if (offsets.length != length + 1) {
            throw new IllegalArgumentException("list offsets: got " + offsets.length + ", expected " + (length + 1));
        }
        return new ArrowArray(length, nulls(valid), List.of(validity(valid), ArrowBuffer.ofInts(offsets)), List.of(items));
    }

    public static ArrowArray fixedSizeList(int length, boolean[] valid, ArrowArray items) {
        return new ArrowArray(length, nulls(valid), List.of(validity(valid)), List.of(items));
    }

    public static ArrowArray struct(int length, boolean[] valid, List<ArrowArray> fields) {
        return new ArrowArray(length, nulls(valid), List.of(validity(valid)), fields);
    }

    /** A Utf8 array; null entries of {@code values} become nulls. */
    public static ArrowArray utf8(List<String> values) {
        int[] offsets = new int[values.size() + 1];
        boolean[] valid = new boolean[values.size()];
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < values.size(); i++) {
            String s = values.get(i);
            valid[i] = s != null;
            if (s != null) {
                data.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            }
            offsets[i + 1] = data.size();
        }
        return new ArrowArray(values.size(), nulls(valid), List.of(validity(valid), ArrowBuffer.ofInts(offsets),
                ArrowBuffer.of(data.toByteArray())), List.of());
    }

    private static int nulls(boolean[] valid) {
        if (valid == null) {
            return 0;
        }
        int n = 0;
        for (boolean v : valid) {
            n += v ? 0 : 1;
        }
        return n;
    }

    private static ArrowBuffer validity(boolean[] valid) {
        return valid == null || nulls(valid) == 0 ? ArrowBuffer.EMPTY : ArrowBuffer.validityBitmap(valid);
    }

    // ---- reading (arrays from the IPC reader have one contiguous segment per buffer) ----

    public ArrowArray child(int index) {
        return children.get(index);
    }

    /** True when entry {@code i} is null; types without a validity bitmap (Null aside) have none. */
    public boolean isNull(int i) {
        if (nullCount == 0) {
            return false;
        }
        if (buffers.isEmpty()) {
            return true; // Null type
        }
        ByteBuffer bits = buffers.get(0).contiguous();
        return bits.remaining() > 0 && (bits.get(i >> 3) & (1 << (i & 7))) == 0;
    }

    /** The start of entry {@code i} of a List/Utf8/Binary array (32-bit offsets). */
    public int offset(int i) {
        return buffers.get(1).contiguous().getInt(i * 4);
    }

    /** The data buffer of a fixed-width array (buffer 1). */
    public ByteBuffer values() {
        return buffers.get(1).contiguous();
    }

    public String utf8(int i) {
        int start = offset(i);
        int end = offset(i + 1);
        ByteBuffer data = buffers.get(2).contiguous();
        byte[] bytes = new byte[end - start];
        data.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ArrowArray[length=" + length + ", nulls=" + nullCount + ", buffers=" + buffers.size()
                + ", children=" + children.size() + "]";
    }
}
