package io.github.rerun4j.io.depth;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} depth: magic {@code \x93NUMPY}, version, header length (u16 in v1, u32 in v2/v3), a
 * Python dict literal with {@code descr}, {@code fortran_order} and {@code shape}, then the data. Element types
 * u1/i1/u2/i2/f2/u4/i4/f4/u8/i8/f8 in either byte order; C or Fortran order; shapes that are 2-D once unit
 * dimensions are dropped ({@code (H, W)}, {@code (H, W, 1)}, {@code (1, H, W)}). Float infinities become NaN.
 */
final class NpyDepth {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private NpyDepth() {
    }

    /** The parsed header: element type, byte order, layout, the 2-D size and where the data starts. */
    record Header(ChannelDatatype datatype, boolean bigEndian, boolean fortran, int height, int width, int dataOffset,
                  int dataBytes) {
    }

    static DepthImage read(Path file, byte[] bytes) throws FileFormatException {
        Header h = header(file, bytes);
        if (bytes.length - (long) h.dataOffset < h.dataBytes) {
            throw new FileFormatException(file, "offset " + h.dataOffset + " (array data)", "expected " + h.dataBytes
                    + " bytes (" + h.height + "x" + h.width + " " + h.datatype + "), found "
                    + (bytes.length - h.dataOffset) + ": truncated");
        }
        ByteBuffer pixels = ElementCopy.toLittleEndianRows(bytes, h.dataOffset, h.width, h.height,
                h.datatype.bytesPerElement(), h.bigEndian, h.fortran ? ElementCopy.Order.COLUMNS : ElementCopy.Order.ROWS_TOP_DOWN);
        DepthPixels.infinitiesToNaN(pixels, h.datatype);
        return DepthPixels.image(pixels, h.width, h.height, h.datatype);
    }

    static Header header(Path file, byte[] bytes) throws FileFormatException {
        if (bytes.length < 10) {
            throw new FileFormatException(file, "offset 0", "expected the NPY magic and header, found " + bytes.length + " bytes");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new FileFormatException(file, "offset " + i + " (NPY magic)", "expected \\x93NUMPY, found another file type");
            }
        }
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(b.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new FileFormatException(file, "offset 8 (header length)", "expected 4 bytes, found the end of the file");
            }
            headerLength = Integer.toUnsignedLong(b.getInt(8));
            headerStart = 12;
        } else {
            throw new FileFormatException(file, "offset 6 (NPY major version)", "expected 1, 2 or 3, found " + major);
        }
        if (headerStart + headerLength > bytes.length) {
            throw new FileFormatException(file, "offset 8 (header length)", "expected a header within the file's "
                    + bytes.length + " bytes, found a length of " + headerLength + ": truncated");
        }
        String dict = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(file, DESCR, dict, "descr", "a type string such as '<f4'");
        String fortranText = field(file, FORTRAN, dict, "fortran_order", "True or False");
        String shapeText = field(file, SHAPE, dict, "shape", "a tuple of sizes such as (480, 640)");

        ChannelDatatype datatype = datatype(file, descr);
        boolean bigEndian = descr.charAt(0) == '>';
        List<Long> shape = new ArrayList<>();
        for (String part : shapeText.split(",")) {
            String t = part.strip();
            if (t.endsWith("L")) {
                t = t.substring(0, t.length() - 1); // Python 2's long literals
            }
            if (!t.isEmpty()) {
                try {
                    shape.add(Long.parseLong(t));
                } catch (NumberFormatException e) {
                    throw new FileFormatException(file, "header field 'shape'", "expected integer sizes, found (" + shapeText + ")");
                }
            }
        }
        int from = 0;
        int to = shape.size();
        while (to - from > 2 && shape.get(from) == 1) {
            from++;
        }
        while (to - from > 2 && shape.get(to - 1) == 1) {
            to--;
        }
        if (to - from != 2) {
            throw new FileFormatException(file, "header field 'shape'", "expected a 2-D array ((H, W), (H, W, 1) or "
                    + "(1, H, W)), found (" + shapeText.strip() + ")");
        }
        long height = shape.get(from);
        long width = shape.get(from + 1);
        int dataBytes = DepthPixels.byteCount(file, "header field 'shape'", width, height, datatype);
        return new Header(datatype, bigEndian, fortranText.equals("True"), (int) height, (int) width,
                (int) (headerStart + headerLength), dataBytes);
    }

    private static String field(Path file, Pattern pattern, String dict, String name, String expected)
            throws FileFormatException {
        Matcher m = pattern.matcher(dict);
        if (!m.find()) {
            throw new FileFormatException(file, "header field '" + name + "'", "expected " + expected + ", found "
                    + (dict.contains(name) ? "another value" : "no such field") + " in " + dict.strip());
        }
        return m.group(1);
    }

    private static ChannelDatatype datatype(Path file, String descr) throws FileFormatException {
        String where = "header field 'descr'";
        String supported = "expected one of u1 i1 u2 i2 f2 u4 i4 f4 u8 i8 f8 with a byte order (<, >, | or =), found '"
                + descr + "'";
        if (descr.length() < 3 || "<>|=".indexOf(descr.charAt(0)) < 0) {
            throw new FileFormatException(file, where, supported);
        }
        ChannelDatatype dt = switch (descr.substring(1)) {
            case "u1" -> ChannelDatatype.U8;
            case "i1" -> ChannelDatatype.I8;
            case "u2" -> ChannelDatatype.U16;
            case "i2" -> ChannelDatatype.I16;
            case "f2" -> ChannelDatatype.F16;
            case "u4" -> ChannelDatatype.U32;
            case "i4" -> ChannelDatatype.I32;
            case "f4" -> ChannelDatatype.F32;
            case "u8" -> ChannelDatatype.U64;
            case "i8" -> ChannelDatatype.I64;
            case "f8" -> ChannelDatatype.F64;
            default -> throw new FileFormatException(file, where, supported
                    + (descr.substring(1).equals("b1") ? " (bool is a mask, not depth)" : ""));
        };
        if (descr.charAt(0) == '|' && dt.bytesPerElement() > 1) {
            throw new FileFormatException(file, where, "expected a byte order < or > for a " + dt.bytesPerElement()
                    + "-byte type, found '" + descr + "'");
        }
        return dt;
    }
}
