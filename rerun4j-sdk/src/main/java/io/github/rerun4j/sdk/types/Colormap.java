package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Colormap for mapping scalar values (e.g. depth) to colors; component {@code rerun.components.Colormap}.
 * The viewer's default for depth images is {@link #TURBO}.
 *
 * <pre>{@code
 * Colormap c = Colormap.fromName("viridis");   // VIRIDIS, code 6
 * Colormap d = Colormap.fromCode(5);           // TURBO
 * }</pre>
 */
public enum Colormap {
    /** Linear black to white. */
    GRAYSCALE(1, "Grayscale"),
    /** Perceptually uniform black-purple-yellow. */
    INFERNO(2, "Inferno"),
    /** Perceptually uniform black-purple-white. */
    MAGMA(3, "Magma"),
    /** Perceptually uniform blue-purple-yellow. */
    PLASMA(4, "Plasma"),
    /** Google's rainbow-like Turbo; the default for depth images. */
    TURBO(5, "Turbo"),
    /** Perceptually uniform purple-green-yellow. */
    VIRIDIS(6, "Viridis"),
    /** Rasmusgo's cyan-to-yellow diverging map. */
    CYAN_TO_YELLOW(7, "CyanToYellow"),
    /** Diverging red-yellow-blue. */
    SPECTRAL(8, "Spectral"),
    /** Cyclic white-blue-black-red-white. */
    TWILIGHT(9, "Twilight"),
    /** RViz's "map" color scheme. */
    RVIZ_MAP(10, "RvizMap"),
    /** RViz's "costmap" color scheme (0 is transparent). */
    RVIZ_COSTMAP(11, "RvizCostmap");

    private final int code;
    private final String displayName;

    Colormap(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The {@code UInt8} wire code. */
    public int code() {
        return code;
    }

    /** Rerun's name, e.g. {@code "CyanToYellow"}. */
    public String displayName() {
        return displayName;
    }

    /** Returns the colormap with this wire code; throws {@link InvalidArgumentException} for unknown codes. */
    public static Colormap fromCode(int code) {
        return WireCodes.find("Colormap.code", values(), Colormap::code, code);
    }

    /** Lenient lookup for readers: empty for unknown codes (e.g. 12 Costmap from Rerun 0.36). */
    public static Optional<Colormap> tryFromCode(int code) {
        return WireCodes.tryFind(values(), Colormap::code, code);
    }

    /**
     * Parses a name case-insensitively, ignoring {@code _}, {@code -} and spaces:
     * {@code "viridis"}, {@code "Viridis"}, {@code "cyan_to_yellow"}, {@code "RVIZ_MAP"}.
     */
    public static Colormap fromName(String name) {
        Require.nonNull("Colormap.name", name);
        String wanted = WireCodes.normalizeName(name);
        for (Colormap c : values()) {
            if (WireCodes.normalizeName(c.displayName).equals(wanted)) {
                return c;
            }
        }
        throw new InvalidArgumentException("Colormap.name", '"' + name + '"', "one of "
                + Arrays.stream(values()).map(Colormap::displayName).collect(Collectors.joining(", "))
                + " (case-insensitive)");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
