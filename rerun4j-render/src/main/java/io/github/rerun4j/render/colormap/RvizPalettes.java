package io.github.rerun4j.render.colormap;

/**
 * The two RViz palettes (§3.4). Both index a 256-entry palette with {@code n = floor(255 t + 0.5)} and
 * return gamma sRGB components; costmap index 0 is additionally transparent (handled by the caller).
 * Arithmetic is f32 with the divisions in the document's order, which is what yields e.g. 128 for
 * RvizMap at t = 0.75 (an integer division would give 127).
 */
final class RvizPalettes {

    private static final float[] SPECIAL = {112f / 255f, 137f / 255f, 134f / 255f}; // index 255, "unknown"

    private RvizPalettes() {
    }

    /** Palette index of an already saturated t. */
    static int index(float t) {
        return (int) Math.floor(255f * t + 0.5f);
    }

    /** RViz "map": white→black for 0..100, green for 101..127, red→yellow for 128..254, grey-green at 255. */
    static float map(int channel, int n) {
        if (n <= 100) {
            return (255f - 255f * n / 100f) / 255f;
        }
        return upper(channel, n);
    }

    /** RViz "costmap": blue→red for 1..98, cyan at 99, magenta at 100, then as {@link #map}; 0 is black. */
    static float costmap(int channel, int n) {
        if (n == 0) {
            return 0f;
        }
        if (n <= 98) {
            float x = n * 255f / 100f / 255f;
            return channel == 0 ? x : channel == 1 ? 0f : 1f - x;
        }
        if (n == 99) {
            return channel == 0 ? 0f : 1f;
        }
        if (n == 100) {
            return channel == 1 ? 0f : 1f;
        }
        return upper(channel, n);
    }

    /** Entries 101..255 shared by both palettes. */
    private static float upper(int channel, int n) {
        if (n <= 127) {
            return channel == 1 ? 1f : 0f;
        }
        if (n <= 254) {
            float x = 255f * (n - 128) / 126f / 255f;
            return channel == 0 ? 1f : channel == 1 ? x : 0f;
        }
        return SPECIAL[channel];
    }
}
