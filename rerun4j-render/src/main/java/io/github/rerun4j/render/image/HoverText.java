package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The value grid of the viewer's hover tooltip for one depth pixel (§4.5), character for character:
 * {@code Position:} {@code "x, y"}, {@code Depth:} from the effective meter, {@code Val:} the raw stored
 * value at full precision, grouped with U+2009 and right-aligned to the datatype's width. Outside the image
 * the viewer shows only the zoom, so all three values are null and {@link #lines()} is empty.
 *
 * <pre>{@code
 * HoverText h = HoverText.forPixel(snippet, 100, 100);   // u16 20000, meter 10000
 * h.position();   // "100, 100"
 * h.depth();      // "2.000 m"
 * h.value();      // "20\u2009000"
 * h.lines();      // ["Position: 100, 100", "Depth: 2.000 m", "Val: 20\u2009000"]
 * }</pre>
 *
 * @param position {@code "x, y"}, or null outside the image
 * @param depth    e.g. {@code "2.000 m"} or {@code "500.0 mm"}, or null outside
 * @param value    e.g. {@code "20 000"} (thin space), or null outside
 */
public record HoverText(String position, String depth, String value) {

    /** What the viewer shows when the picked pixel is outside the image: no values. */
    public static final HoverText OUTSIDE = new HoverText(null, null, null);

    /**
     * Hover values of pixel {@code (x, y)} ({@code x} = column, {@code y} = row). Coordinates outside
     * {@code [0, W) × [0, H)} give {@link #OUTSIDE}.
     */
    public static HoverText forPixel(DepthImage image, int x, int y) {
        if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
            return OUTSIDE;
        }
        ChannelDatatype datatype = image.datatype();
        ByteBuffer bytes = image.buffer().asByteBuffer();
        int index = y * image.width() + x;
        double raw = DepthValues.read(bytes, datatype, index);
        long rawBits = datatype.isFloat() ? 0L : DepthValues.readInteger(bytes, datatype, index);

        // Depth in f64 with the meter as its f32 value, as the viewer does.
        double meters = raw / (double) Meter.effective(image);
        return new HoverText(x + ", " + y, ViewerNumberFormat.depth(meters),
                ViewerNumberFormat.rawValue(datatype, rawBits, raw));
    }

    /** True for {@link #OUTSIDE}. */
    public boolean isOutside() {
        return position == null;
    }

    /** The grid rows as label + value: {@code "Position: 1, 2"}, {@code "Depth: …"}, {@code "Val: …"}. */
    public List<String> lines() {
        if (isOutside()) {
            return List.of();
        }
        return List.of("Position: " + position, "Depth: " + depth, "Val: " + value);
    }

    /** The lines joined with {@code '\n'} (empty outside the image). */
    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
