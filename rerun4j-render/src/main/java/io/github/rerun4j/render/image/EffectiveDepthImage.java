package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;

import java.util.Objects;

/**
 * A depth image's settings as the viewer applies them: for every optional field the override, else the
 * logged value, else the fallback (docs/semantics.md §1.1, §2). This is the one place that knows the
 * fallbacks; the 2D renderer, the 3D cloud, the viewer's scene JSON and the CLI all resolve through it.
 *
 * <pre>{@code
 * EffectiveDepthImage e = EffectiveDepthImage.of(depth);          // logged + fallbacks
 * e.colormap();      // TURBO when none was logged
 * e.drawOrder();     // -20 when none was logged
 * EffectiveDepthImage v = EffectiveDepthImage.of(depth, RenderOverrides.NONE.withColormap(Colormap.VIRIDIS));
 * }</pre>
 *
 * @param image          the logged depth image (its own fields stay as logged, null where absent)
 * @param meter          raw units per metre ({@link Meter#effective})
 * @param colormap       the colormap
 * @param range          the colormap range in raw units (may be inverted, empty or infinite, §2.2)
 * @param pointFillRatio the 3D point size factor
 * @param drawOrder      the 2D layering key (higher is on top)
 * @param filter         the magnification filter setting
 */
public record EffectiveDepthImage(DepthImage image, float meter, Colormap colormap, DepthRange range,
                                  float pointFillRatio, float drawOrder, MagnificationFilter filter) {

    /** Colormap when none is logged: Turbo. */
    public static final Colormap DEFAULT_COLORMAP = Colormap.TURBO;
    /** Magnification filter when none is logged: Nearest. */
    public static final MagnificationFilter DEFAULT_FILTER = MagnificationFilter.NEAREST;
    /** Point fill ratio when none is logged: 1 (each sphere reaches its neighbours' centres). */
    public static final float DEFAULT_POINT_FILL_RATIO = 1f;
    /** Draw order of depth images when none is logged: -20 (below every other 2D visual). */
    public static final float DEFAULT_DRAW_ORDER = -20f;

    /** Checks that nothing is missing; the values themselves are the viewer's, odd ones included. */
    public EffectiveDepthImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(colormap, "colormap");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(filter, "filter");
    }

    /** Logged values, else fallbacks. */
    public static EffectiveDepthImage of(DepthImage image) {
        return of(image, RenderOverrides.NONE);
    }

    /**
     * Overrides first (null means none), then logged values, then fallbacks. The automatic range is only
     * computed (a pass over every pixel) when neither an override nor a logged range exists.
     */
    public static EffectiveDepthImage of(DepthImage image, RenderOverrides overrides) {
        Objects.requireNonNull(image, "image");
        RenderOverrides o = overrides == null ? RenderOverrides.NONE : overrides;
        Colormap colormap = first(o.colormap(), image.colormap(), DEFAULT_COLORMAP);
        DepthRange range = o.range() != null ? o.range() : DepthRange.effectiveRange(image);
        MagnificationFilter filter = first(o.filter(), image.magnificationFilter(), DEFAULT_FILTER);
        float fill = pointFillRatio(image);
        float drawOrder = image.drawOrder() != null ? image.drawOrder() : DEFAULT_DRAW_ORDER;
        return new EffectiveDepthImage(image, Meter.effective(image), colormap, range, fill, drawOrder, filter);
    }

    /** The point fill ratio of {@code image} (logged, else {@link #DEFAULT_POINT_FILL_RATIO}), without the range pass. */
    public static float pointFillRatio(DepthImage image) {
        return image.pointFillRatio() != null ? image.pointFillRatio() : DEFAULT_POINT_FILL_RATIO;
    }

    private static <T> T first(T override, T logged, T fallback) {
        return override != null ? override : logged != null ? logged : fallback;
    }
}
