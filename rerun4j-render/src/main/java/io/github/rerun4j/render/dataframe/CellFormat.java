package io.github.rerun4j.render.dataframe;

import io.github.rerun4j.render.image.DepthValues;
import io.github.rerun4j.render.image.ViewerNumberFormat;
import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowType;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.internal.codec.Serializers;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.store.DataframeRow;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The single-line text of a dataframe cell, as Rerun 0.33's dataframe view shows it (§6):
 *
 * <ul>
 *   <li>{@code ImageFormat}: {@code L U16 300×200} (× is U+00D7), or {@code NV12 640×480} for a pixel format;</li>
 *   <li>{@code Colormap} and {@code MagnificationFilter}: the enum's name ({@code Viridis}, {@code Nearest});</li>
 *   <li>everything else through the generic Arrow renderer: floats like the hover read-out's {@code Val:}
 *       ({@link ViewerNumberFormat#floatValue}, so a meter of 10000 shows {@code 10 000} with a thin space),
 *       integers with thin-space grouping, lists as their first {@value #MAX_LIST_ITEMS} items then {@code …}
 *       (an image buffer: {@code [255, 255, 255, 255, 255, 255, …]}), structs as {@code {name: value, …}}, types it
 *       cannot show as {@code <Type>};</li>
 *   <li>a row with several instances shows them as a list; a cleared (empty) row shows {@code []}.</li>
 * </ul>
 *
 * <p>{@link NumberStyle#RAW} writes the numbers plainly instead, for scripts ({@code rerun4j dataframe --raw}).
 *
 * <p>Cells never throw: a value that cannot be decoded (an odd Arrow type, a damaged buffer) shows as
 * {@code <unreadable Type>}.
 *
 * <pre>{@code
 * CellFormat.format(row, "DepthImage:format");   // "L U16 300×200"
 * CellFormat.format(row, "DepthImage:meter");    // "10 000"
 * CellFormat.format(row, "Pinhole:resolution");  // "[300, 200]"
 * CellFormat.format(row, "Not:logged");          // "-"
 * }</pre>
 */
public final class CellFormat {

    /** What a cell shows when its row did not log the column's component. */
    public static final String MISSING = "-";
    /** What every cell of a column shows when no row of the table has a value in it. */
    public static final String ALL_NULL = "null";
    /** Items of a list shown before {@code …}. */
    public static final int MAX_LIST_ITEMS = 6;

    private static final char ELLIPSIS = '\u2026';
    private static final char TIMES = '\u00D7';

    private CellFormat() {
    }

    /** The text of {@code component} in {@code row}; {@link #MISSING} when the row did not log it. */
    public static String format(DataframeRow row, String component) {
        return format(row, component, NumberStyle.VIEWER);
    }

    /** As {@link #format(DataframeRow, String)}, with numbers written in {@code numbers}' style. */
    public static String format(DataframeRow row, String component, NumberStyle numbers) {
        Optional<ComponentColumn> cell = row.cell(component);
        if (cell.isEmpty()) {
            return MISSING;
        }
        ComponentColumn column = cell.get();
        int r = row.ref().row();
        try {
            String special = special(row, column, r);
            return special != null ? special : instances(column, r, numbers);
        } catch (RuntimeException e) {
            // A damaged or unexpected column must not break the table: say so in the cell.
            return "<unreadable " + column.itemField().typeString() + ">";
        }
    }

    /** Components whose viewer text is not the generic one; null to use the generic renderer. */
    private static String special(DataframeRow row, ComponentColumn column, int r) {
        String type = column.descriptor().componentType();
        if (type == null || column.count(r) != 1) {
            return null;
        }
        switch (type) {
            case "rerun.components.ImageFormat" -> {
                ImageFormat f;
                try {
                    f = row.ref().read(column.descriptor(), Serializers.IMAGE_FORMAT);
                } catch (IllegalArgumentException invalid) {
                    return null; // a format the SDK rejects: show its fields generically
                }
                return f == null ? null : imageFormat(f);
            }
            case "rerun.components.Colormap" -> {
                return u8(column, r).flatMap(Colormap::tryFromCode).map(Colormap::displayName).orElse(null);
            }
            case "rerun.components.MagnificationFilter" -> {
                return u8(column, r).flatMap(MagnificationFilter::tryFromCode).map(MagnificationFilter::displayName).orElse(null);
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code L U16 300×200}, or {@code NV12 640×480}. */
    public static String imageFormat(ImageFormat f) {
        String kind = f.pixelFormat() != null ? f.pixelFormat().displayName()
                : f.effectiveColorModel().name() + " " + f.effectiveChannelDatatype().name();
        return kind + " " + f.width() + TIMES + f.height();
    }

    private static Optional<Integer> u8(ComponentColumn column, int r) {
        if (!column.itemField().type().equals(ArrowType.UINT8) || column.items().isNull(column.start(r))) {
            return Optional.empty();
        }
        return Optional.of(column.items().values().get(column.start(r)) & 0xFF);
    }

    /** One instance as its value, several (or none) as a list. */
    private static String instances(ComponentColumn column, int r, NumberStyle numbers) {
        int start = column.start(r);
        int count = column.count(r);
        if (count == 1) {
            return value(column.itemField(), column.items(), start, numbers);
        }
        return list(column.itemField(), column.items(), start, count, numbers);
    }

    /**
     * Entry {@code i} of {@code array} (whose type is {@code field}'s) as the generic Arrow renderer shows it.
     * May throw on a damaged array; {@link #format} catches that.
     */
    public static String value(Field field, ArrowArray array, int i) {
        return value(field, array, i, NumberStyle.VIEWER);
    }

    /** As {@link #value(Field, ArrowArray, int)}, with numbers written in {@code numbers}' style. */
    public static String value(Field field, ArrowArray array, int i, NumberStyle numbers) {
        if (array.isNull(i)) {
            return "null";
        }
        ArrowType type = field.type();
        if (type instanceof ArrowType.Null) {
            return "null";
        }
        if (type instanceof ArrowType.Bool) {
            ByteBuffer bits = array.values();
            return Boolean.toString((bits.get(i >> 3) & (1 << (i & 7))) != 0);
        }
        if (type instanceof ArrowType.Int t) {
            return integer(t, array.values(), i, numbers);
        }
        if (type instanceof ArrowType.FloatingPoint t) {
            ByteBuffer v = array.values().order(ByteOrder.LITTLE_ENDIAN);
            return switch (t.precision()) {
                case HALF -> numbers.floating(DepthValues.halfToFloat(v.getShort(i * 2)), NumberStyle.Precision.F16);
                case SINGLE -> numbers.floating(v.getFloat(i * 4), NumberStyle.Precision.F32);
                case DOUBLE -> numbers.floating(v.getDouble(i * 8), NumberStyle.Precision.F64);
            };
        }
        if (type instanceof ArrowType.Utf8) {
            return array.utf8(i);
        }
        if (type instanceof ArrowType.Binary) {
            int start = array.offset(i);
            int n = array.offset(i + 1) - start;
            ByteBuffer data = array.buffers().get(2).contiguous();
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < Math.min(n, MAX_LIST_ITEMS); k++) {
                sb.append(k == 0 ? "" : ", ").append(data.get(start + k) & 0xFF);
            }
            return close(sb, n);
        }
        if (type instanceof ArrowType.List) {
            int start = array.offset(i);
            return list(field.children().get(0), array.child(0), start, array.offset(i + 1) - start, numbers);
        }
        if (type instanceof ArrowType.FixedSizeList t) {
            return list(field.children().get(0), array.child(0), i * t.listSize(), t.listSize(), numbers);
        }
        if (type instanceof ArrowType.Struct) {
            StringBuilder sb = new StringBuilder("{");
            for (int k = 0; k < field.children().size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(field.children().get(k).name()).append(": ")
                        .append(value(field.children().get(k), array.child(k), i, numbers));
            }
            return sb.append('}').toString();
        }
        if (type instanceof ArrowType.Timestamp || type instanceof ArrowType.Duration) {
            return numbers.integer(array.values().order(ByteOrder.LITTLE_ENDIAN).getLong(i * 8));
        }
        return "<" + field.typeString() + ">";
    }

    private static String list(Field itemField, ArrowArray items, int start, int count, NumberStyle numbers) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < Math.min(count, MAX_LIST_ITEMS); k++) {
            sb.append(k == 0 ? "" : ", ").append(value(itemField, items, start + k, numbers));
        }
        return close(sb, count);
    }

    private static String close(StringBuilder sb, int count) {
        if (count > MAX_LIST_ITEMS) {
            sb.append(", ").append(ELLIPSIS);
        }
        return sb.append(']').toString();
    }

    private static String integer(ArrowType.Int t, ByteBuffer values, int i, NumberStyle numbers) {
        ByteBuffer v = values.order(ByteOrder.LITTLE_ENDIAN);
        return switch (t.bitWidth()) {
            case 8 -> numbers.integer(t.signed() ? v.get(i) : v.get(i) & 0xFF);
            case 16 -> numbers.integer(t.signed() ? v.getShort(i * 2) : v.getShort(i * 2) & 0xFFFF);
            case 32 -> numbers.integer(t.signed() ? v.getInt(i * 4) : v.getInt(i * 4) & 0xFFFF_FFFFL);
            default -> t.signed() ? numbers.integer(v.getLong(i * 8)) : numbers.unsignedInteger(v.getLong(i * 8));
        };
    }
}
