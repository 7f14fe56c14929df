package io.github.rerun4j.sdk.types;

import java.util.Optional;

/**
 * Element type of one image channel ({@code ImageFormat.channel_datatype}). Multi-byte elements are stored
 * little-endian.
 *
 * <pre>{@code
 * ChannelDatatype.U16.code();             // 8
 * ChannelDatatype.U16.bytesPerElement();  // 2
 * ChannelDatatype.fromCode(34);           // F32
 * }</pre>
 */
public enum ChannelDatatype {
    /** Unsigned 8-bit integer. */
    U8(6, 1, false, false),
    /** Signed 8-bit integer. */
    I8(7, 1, false, true),
    /** Unsigned 16-bit integer; the usual millimetre depth format. */
    U16(8, 2, false, false),
    /** Signed 16-bit integer. */
    I16(9, 2, false, true),
    /** Unsigned 32-bit integer. */
    U32(10, 4, false, false),
    /** Signed 32-bit integer. */
    I32(11, 4, false, true),
    /** Unsigned 64-bit integer. */
    U64(12, 8, false, false),
    /** Signed 64-bit integer. */
    I64(13, 8, false, true),
    /** IEEE 754 half-precision float. */
    F16(33, 2, true, true),
    /** IEEE 754 single-precision float. */
    F32(34, 4, true, true),
    /** IEEE 754 double-precision float. */
    F64(35, 8, true, true);

    private final int code;
    private final int bytesPerElement;
    private final boolean isFloat;
    private final boolean isSigned;

    ChannelDatatype(int code, int bytesPerElement, boolean isFloat, boolean isSigned) {
        this.code = code;
        this.bytesPerElement = bytesPerElement;
        this.isFloat = isFloat;
        this.isSigned = isSigned;
    }

    /** The {@code UInt8} wire code. */
    public int code() {
        return code;
    }

    /** Size of one element in bytes (1, 2, 4 or 8). */
    public int bytesPerElement() {
        return bytesPerElement;
    }

    /** True for F16, F32 and F64. */
    public boolean isFloat() {
        return isFloat;
    }

    /** True for the signed integer types and all float types. */
    public boolean isSigned() {
        return isSigned;
    }

    /** Returns the datatype with this wire code; throws {@code InvalidArgumentException} for unknown codes. */
    public static ChannelDatatype fromCode(int code) {
        return WireCodes.find("ChannelDatatype.code", values(), ChannelDatatype::code, code);
    }

    /** Lenient lookup for readers: empty for unknown codes. */
    public static Optional<ChannelDatatype> tryFromCode(int code) {
        return WireCodes.tryFind(values(), ChannelDatatype::code, code);
    }
}
