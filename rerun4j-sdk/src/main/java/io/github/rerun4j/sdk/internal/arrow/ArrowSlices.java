package io.github.rerun4j.sdk.internal.arrow;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Row ranges of Arrow arrays of one type, put one after the other into a new array: slicing a chunk's rows
 * (one or more ranges of one array) and joining chunks (whole arrays of several) are the same operation.
 *
 * <p>Fixed-width values and variable-length data are referenced as segments of the source buffers, not copied
 * (the IPC writer copies them once, into the output); validity bitmaps, booleans and offsets are rebuilt, since
 * a range rarely starts on a byte or at offset 0.
 *
 * <pre>{@code
 * ComponentColumn column = chunk.components().get(0);
 * Field lists = Field.list("values", column.itemField(), true);
 * ArrowArray firstRow = ArrowSlices.concat(lists, List.of(new ArrowSlices.Slice(column.lists(), 0, 1)));
 * ArrowArray twice = ArrowSlices.concat(lists, List.of(ArrowSlices.Slice.all(column.lists()),
 *         ArrowSlices.Slice.all(column.lists())));
 * }</pre>
 */
public final class ArrowSlices {

    /** Rows {@code [from, from + length)} of {@code array}. */
    public record Slice(ArrowArray array, int from, int length) {
        /** Checks that the range lies inside the array. */
        public Slice {
            if (from < 0 || length < 0 || (long) from + length > array.length()) {
                throw new IllegalArgumentException("Slice [" + from + ", +" + length + ") of an array of " + array.length());
            }
        }

        /** Every row of {@code array}. */
        public static Slice all(ArrowArray array) {
            return new Slice(array, 0, array.length());
        }
    }

    private ArrowSlices() {
    }

    /**
     * The slices' rows in order, as one array of {@code field}'s type.
     *
     * @throws ArrowFormatException for a type whose rows cannot be cut apart here (dense unions, unsupported
     *                              types): the caller keeps such data as it was
     */
    public static ArrowArray concat(Field field, List<Slice> slices) throws ArrowFormatException {
        ArrowType type = field.type();
        int n = 0;
        for (Slice s : slices) {
            n = Math.addExact(n, s.length());
        }
        if (type instanceof ArrowType.Null) {
            return new ArrowArray(n, n, List.of(), List.of());
        }
        ValidityResult validity = validity(slices, n);
        if (type instanceof ArrowType.Bool) {
            boolean[] bits = new boolean[n];
            int at = 0;
            for (Slice s : slices) {
                ByteBuffer values = s.array().values();
                for (int i = 0; i < s.length(); i++) {
                    int bit = s.from() + i;
                    bits[at++] = (values.get(bit >> 3) & (1 << (bit & 7))) != 0;
                }
            }
            return new ArrowArray(n, validity.nulls, List.of(validity.buffer, ArrowBuffer.validityBitmap(bits)), List.of());
        }
        int width = ArrowLayout.fixedWidth(type);
        if (width > 0) {
            List<ArrowBuffer> parts = new ArrayList<>();
            for (Slice s : slices) {
                parts.add(range(s.array().buffers().get(1), (long) s.from() * width, (long) s.length() * width));
            }
            return new ArrowArray(n, validity.nulls, List.of(validity.buffer, ArrowBuffer.concat(parts)), List.of());
        }
        if (type instanceof ArrowType.FixedSizeBinary) {
            // byteWidth 0: no value bytes at all
            return new ArrowArray(n, validity.nulls, List.of(validity.buffer, ArrowBuffer.EMPTY), List.of());
        }
        if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary
                || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.LargeBinary) {
            boolean large = type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.LargeBinary;
            Offsets offsets = offsets(slices, n, large);
            List<ArrowBuffer> data = new ArrayList<>();
            for (int i = 0; i < slices.size(); i++) {
                data.add(range(slices.get(i).array().buffers().get(2), offsets.starts[i], offsets.lengths[i]));
            }
            return new ArrowArray(n, validity.nulls, List.of(validity.buffer, offsets.buffer, ArrowBuffer.concat(data)), List.of());
        }
        if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList || type instanceof ArrowType.Map) {
            Offsets offsets = offsets(slices, n, type instanceof ArrowType.LargeList);
            List<Slice> items = new ArrayList<>();
            for (int i = 0; i < slices.size(); i++) {
                items.add(new Slice(slices.get(i).array().child(0), Math.toIntExact(offsets.starts[i]),
                        Math.toIntExact(offsets.lengths[i])));
            }
            ArrowArray child = concat(field.children().get(0), items);
            return new ArrowArray(n, validity.nulls, List.of(validity.buffer, offsets.buffer), List.of(child));
        }
        if (type instanceof ArrowType.FixedSizeList t) {
            List<Slice> items = new ArrayList<>();
            for (Slice s : slices) {
                items.add(new Slice(s.array().child(0), Math.multiplyExact(s.from(), t.listSize()),
                        Math.multiplyExact(s.length(), t.listSize())));
            }
            return new ArrowArray(n, validity.nulls, List.of(validity.buffer), List.of(concat(field.children().get(0), items)));
        }
        if (type instanceof ArrowType.Struct) {
            return new ArrowArray(n, validity.nulls, List.of(validity.buffer), children(field, slices));
        }
        if (type instanceof ArrowType.Union u && !u.dense()) {
            // A sparse union has no validity bitmap: type ids, then children as long as the union.
            List<ArrowBuffer> ids = new ArrayList<>();
            for (Slice s : slices) {
                ids.add(range(s.array().buffers().get(0), s.from(), s.length()));
            }
            return new ArrowArray(n, 0, List.of(ArrowBuffer.concat(ids)), children(field, slices));
        }
        throw new ArrowFormatException("cannot cut rows of column '" + field.name() + "' of type " + field.typeString());
    }

    /** Every child of a struct or sparse union over the same rows as the parent. */
    private static List<ArrowArray> children(Field field, List<Slice> slices) throws ArrowFormatException {
        List<ArrowArray> children = new ArrayList<>();
        for (int c = 0; c < field.children().size(); c++) {
            List<Slice> parts = new ArrayList<>();
            for (Slice s : slices) {
                parts.add(new Slice(s.array().child(c), s.from(), s.length()));
            }
            children.add(concat(field.children().get(c), parts));
        }
        return children;
    }

    private record ValidityResult(int nulls, ArrowBuffer buffer) {
    }

    private static ValidityResult validity(List<Slice> slices, int n) {
        boolean anyNull = slices.stream().anyMatch(s -> s.array().nullCount() > 0 && s.length() > 0);
        if (!anyNull) {
            return new ValidityResult(0, ArrowBuffer.EMPTY);
        }
        boolean[] valid = new boolean[n];
        int at = 0;
        int nulls = 0;
        for (Slice s : slices) {
            for (int i = 0; i < s.length(); i++) {
                valid[at] = !s.array().isNull(s.from() + i);
                nulls += valid[at] ? 0 : 1;
                at++;
            }
        }
        return nulls == 0 ? new ValidityResult(0, ArrowBuffer.EMPTY) : new ValidityResult(nulls, ArrowBuffer.validityBitmap(valid));
    }

    /** Rebased offsets of all slices, and where each slice's values lie in its own source. */
    private record Offsets(ArrowBuffer buffer, long[] starts, long[] lengths) {
    }

    private static Offsets offsets(List<Slice> slices, int n, boolean large) {
        long[] out = new long[n + 1];
        long[] starts = new long[slices.size()];
        long[] lengths = new long[slices.size()];
        int at = 0;
        long base = 0;
        for (int k = 0; k < slices.size(); k++) {
            Slice s = slices.get(k);
            ByteBuffer b = s.array().buffers().get(1).contiguous();
            long first = s.length() == 0 && b.remaining() == 0 ? 0 : read(b, s.from(), large);
            for (int i = 1; i <= s.length(); i++) {
                out[at + i] = base + read(b, s.from() + i, large) - first;
            }
            long last = s.length() == 0 ? first : read(b, s.from() + s.length(), large);
            starts[k] = first;
            lengths[k] = last - first;
            base += last - first;
            at += s.length();
        }
        ArrowBuffer buffer;
        if (large) {
            buffer = ArrowBuffer.ofLongs(out);
        } else {
            int[] ints = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                ints[i] = Math.toIntExact(out[i]);
            }
            buffer = ArrowBuffer.ofInts(ints);
        }
        return new Offsets(buffer, starts, lengths);
    }

    private static long read(ByteBuffer b, int index, boolean large) {
        return large ? b.getLong(index * 8) : b.getInt(index * 4);
    }

    /** Bytes {@code [from, from + length)} of {@code buffer} as a view, not a copy. */
    private static ArrowBuffer range(ArrowBuffer buffer, long from, long length) {
        if (length == 0) {
            return ArrowBuffer.EMPTY;
        }
        ByteBuffer all = buffer.contiguous();
        return ArrowBuffer.of(all.slice(Math.toIntExact(from), Math.toIntExact(length)));
    }
}
