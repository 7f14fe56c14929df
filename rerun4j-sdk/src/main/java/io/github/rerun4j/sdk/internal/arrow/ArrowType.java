package io.github.rerun4j.sdk.internal.arrow;

import java.util.Arrays;

/**
 * The Arrow logical types rerun4j reads and writes, as immutable values.
 *
 * <p>Only what a Rerun chunk can contain is modelled; everything else is read as {@link Unsupported}
 * so that the message can be reported precisely instead of misread.
 *
 * <pre>{@code
 * ArrowType u8 = ArrowType.UINT8;
 * ArrowType ts = new ArrowType.Timestamp(ArrowType.TimeUnit.NANOSECOND, null);
 * }</pre>
 */
public sealed interface ArrowType {

    /** How many IPC buffers an array of this type has, validity bitmap included. */
    int bufferCount();

    /** Arrow time units, with their flatbuffer codes. */
    enum TimeUnit { SECOND, MILLISECOND, MICROSECOND, NANOSECOND }

    /** Float precisions, with their flatbuffer codes. */
    enum Precision { HALF, SINGLE, DOUBLE }

    record Null() implements ArrowType {
        @Override public int bufferCount() { return 0; }
        @Override public String toString() { return "Null"; }
    }

    record Bool() implements ArrowType {
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "Boolean"; }
    }

    record Int(int bitWidth, boolean signed) implements ArrowType {
        public Int {
            if (bitWidth != 8 && bitWidth != 16 && bitWidth != 32 && bitWidth != 64) {
                throw new IllegalArgumentException("Int.bitWidth: got " + bitWidth + ", expected 8, 16, 32 or 64");
            }
        }
        public int byteWidth() { return bitWidth / 8; }
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return (signed ? "Int" : "UInt") + bitWidth; }
    }

    record FloatingPoint(Precision precision) implements ArrowType {
        public int byteWidth() { return precision == Precision.HALF ? 2 : precision == Precision.SINGLE ? 4 : 8; }
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "Float" + byteWidth() * 8; }
    }

    record Utf8() implements ArrowType {
        @Override public int bufferCount() { return 3; }
        @Override public String toString() { return "Utf8"; }
    }

    record Binary() implements ArrowType {
        @Override public int bufferCount() { return 3; }
        @Override public String toString() { return "Binary"; }
    }

    record LargeUtf8() implements ArrowType {
        @Override public int bufferCount() { return 3; }
        @Override public String toString() { return "LargeUtf8"; }
    }

    record LargeBinary() implements ArrowType {
        @Override public int bufferCount() { return 3; }
        @Override public String toString() { return "LargeBinary"; }
    }

    record FixedSizeBinary(int byteWidth) implements ArrowType {
        public FixedSizeBinary {
            if (byteWidth < 0) {
                throw new IllegalArgumentException("FixedSizeBinary.byteWidth: got " + byteWidth + ", expected >= 0");
            }
        }
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "FixedSizeBinary(" + byteWidth + ")"; }
    }

    /** A list with 32-bit offsets; its one child field holds the items. */
    record List() implements ArrowType {
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "List"; }
    }

    record LargeList() implements ArrowType {
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "LargeList"; }
    }

    record FixedSizeList(int listSize) implements ArrowType {
        public FixedSizeList {
            if (listSize < 0) {
                throw new IllegalArgumentException("FixedSizeList.listSize: got " + listSize + ", expected >= 0");
            }
        }
        @Override public int bufferCount() { return 1; }
        @Override public String toString() { return "FixedSizeList(" + listSize + ")"; }
    }

    record Struct() implements ArrowType {
        @Override public int bufferCount() { return 1; }
        @Override public String toString() { return "Struct"; }
    }

    /** A map is a list of {key, value} structs; its child is the entries struct. */
    record Map(boolean keysSorted) implements ArrowType {
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "Map"; }
    }

    /** Sparse unions have a type-id buffer; dense ones also an offsets buffer. No validity bitmap. */
    record Union(boolean dense, int[] typeIds) implements ArrowType {
        public Union {
            typeIds = typeIds == null ? null : typeIds.clone();
        }
        @Override public int[] typeIds() { return typeIds == null ? null : typeIds.clone(); }
        @Override public int bufferCount() { return dense ? 2 : 1; }
        @Override public boolean equals(Object o) {
            return o instanceof Union u && u.dense == dense && Arrays.equals(u.typeIds, typeIds);
        }
        @Override public int hashCode() { return Boolean.hashCode(dense) * 31 + Arrays.hashCode(typeIds); }
        @Override public String toString() { return (dense ? "DenseUnion" : "SparseUnion") + Arrays.toString(typeIds); }
    }

    /** Nanoseconds since the epoch when {@code unit} is NANOSECOND; {@code timezone} may be null. */
    record Timestamp(TimeUnit unit, String timezone) implements ArrowType {
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "Timestamp(" + unit + (timezone == null ? "" : ", " + timezone) + ")"; }
    }

    record Duration(TimeUnit unit) implements ArrowType {
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "Duration(" + unit + ")"; }
    }

    /** Date32 (days) or Date64 (milliseconds). */
    record Date(boolean millis) implements ArrowType {
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return millis ? "Date64" : "Date32"; }
    }

    record Time(TimeUnit unit, int bitWidth) implements ArrowType {
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "Time" + bitWidth + "(" + unit + ")"; }
    }

    record Decimal(int precision, int scale, int bitWidth) implements ArrowType {
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "Decimal" + bitWidth + "(" + precision + ", " + scale + ")"; }
    }

    /** Interval; {@code unit} is the flatbuffer IntervalUnit code (0 year-month, 1 day-time, 2 month-day-nano). */
    record Interval(int unit) implements ArrowType {
        public int byteWidth() { return unit == 0 ? 4 : unit == 1 ? 8 : 16; }
        @Override public int bufferCount() { return 2; }
        @Override public String toString() { return "Interval(" + unit + ")"; }
    }

    /** A type rerun4j cannot lay out (views, run-end encoding, ...); {@code typeTag} is the flatbuffer code. */
    record Unsupported(int typeTag, String name) implements ArrowType {
        @Override public int bufferCount() {
            throw new UnsupportedOperationException("Arrow type " + name + " is not supported");
        }
        @Override public String toString() { return name; }
    }

    ArrowType NULL = new Null();
    ArrowType BOOL = new Bool();
    Int INT8 = new Int(8, true);
    Int INT16 = new Int(16, true);
    Int INT32 = new Int(32, true);
    Int INT64 = new Int(64, true);
    Int UINT8 = new Int(8, false);
    Int UINT16 = new Int(16, false);
    Int UINT32 = new Int(32, false);
    Int UINT64 = new Int(64, false);
    FloatingPoint FLOAT16 = new FloatingPoint(Precision.HALF);
    FloatingPoint FLOAT32 = new FloatingPoint(Precision.SINGLE);
    FloatingPoint FLOAT64 = new FloatingPoint(Precision.DOUBLE);
    ArrowType UTF8 = new Utf8();
    ArrowType BINARY = new Binary();
    ArrowType LIST = new List();
    ArrowType STRUCT = new Struct();
    Timestamp TIMESTAMP_NS = new Timestamp(TimeUnit.NANOSECOND, null);
    Duration DURATION_NS = new Duration(TimeUnit.NANOSECOND);
}
