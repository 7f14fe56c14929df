package io.github.rerun4j.sdk.types;

/**
 * Width and height of a camera image in pixels ({@code rerun.components.Resolution}); floats because
 * Rerun stores them so (and {@code Pinhole.fromFovAndAspectRatio} uses {@code [aspect, 1]}).
 *
 * <pre>{@code
 * Resolution r = Resolution.of(640, 480);
 * }</pre>
 *
 * @param width  finite, {@code > 0}
 * @param height finite, {@code > 0}
 */
public record Resolution(float width, float height) {

    /** Validates both sizes. */
    public Resolution {
        Require.finitePositive("Resolution.width", width);
        Require.finitePositive("Resolution.height", height);
    }

    /** Same as the constructor. */
    public static Resolution of(double width, double height) {
        return new Resolution(Require.toFiniteFloat("Resolution.width", width),
                Require.toFiniteFloat("Resolution.height", height));
    }

    @Override
    public String toString() {
        return "[" + width + ", " + height + "]";
    }
}
