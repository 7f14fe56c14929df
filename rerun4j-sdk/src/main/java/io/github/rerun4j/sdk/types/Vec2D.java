package io.github.rerun4j.sdk.types;

/**
 * A finite 2D vector, e.g. a principal point in pixels.
 *
 * <pre>{@code
 * Vec2D pp = new Vec2D(150, 100);
 * }</pre>
 *
 * @param x finite
 * @param y finite
 */
public record Vec2D(float x, float y) {

    /** Validates finiteness. */
    public Vec2D {
        Require.finite("Vec2D.x", x);
        Require.finite("Vec2D.y", y);
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
