package io.github.rerun4j.viewer.api;

import java.util.List;

/**
 * The hover lines of a colour image's texel: {@code Position: x, y}, then its on-screen colour (render's
 * ColorTexels, the colour the 2D view draws at Nearest) as {@code RGB: rrr, ggg, bbb, #RRGGBB}, each decimal
 * right-aligned to 3 as Rerun prints U8 colours; {@code RGBA: …, aaa, #RRGGBBAA} when the texel is not opaque.
 * Outside the image: no lines.
 *
 * <pre>{@code
 * List<String> lines = ColourHoverText.lines(texels, 3, 1);   // ["Position: 3, 1", "RGB: 255,   0,   0, #FF0000"]
 * }</pre>
 */
public final class ColourHoverText {

    private ColourHoverText() {
    }

    public static List<String> lines(DecodedImages.Texels texels, int x, int y) {
        if (x < 0 || y < 0 || x >= texels.width() || y >= texels.height()) {
            return List.of();
        }
        int at = 4 * (y * texels.width() + x);
        int r = texels.rgba().get(at) & 0xFF;
        int g = texels.rgba().get(at + 1) & 0xFF;
        int b = texels.rgba().get(at + 2) & 0xFF;
        int a = texels.rgba().get(at + 3) & 0xFF;
        String value = a == 255
                ? String.format(java.util.Locale.ROOT, "RGB: %3d, %3d, %3d, #%02X%02X%02X", r, g, b, r, g, b)
                : String.format(java.util.Locale.ROOT, "RGBA: %3d, %3d, %3d, %3d, #%02X%02X%02X%02X", r, g, b, a, r, g, b, a);
        return List.of("Position: " + x + ", " + y, value);
    }
}
