package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.ValueRange;

/**
 * Blueprint-style overrides for {@link DepthImageRenderer2D}: each non-null field wins over the logged
 * value and the fallback (§1.1). {@link #NONE} renders as logged.
 *
 * <pre>{@code
 * RenderOverrides o = RenderOverrides.NONE.withColormap(Colormap.VIRIDIS)
 *         .withRange(new DepthRange(0f, 10000f))
 *         .withFilter(MagnificationFilter.LINEAR);
 * }</pre>
 *
 * @param colormap or null
 * @param range    or null (may be inverted or empty, like the viewer's own ranges)
 * @param filter   or null
 */
public record RenderOverrides(Colormap colormap, DepthRange range, MagnificationFilter filter) {

    /** No overrides. */
    public static final RenderOverrides NONE = new RenderOverrides(null, null, null);

    /** Copy with the colormap replaced. */
    public RenderOverrides withColormap(Colormap colormap) {
        return new RenderOverrides(colormap, range, filter);
    }

    /** Copy with the range replaced. */
    public RenderOverrides withRange(DepthRange range) {
        return new RenderOverrides(colormap, range, filter);
    }

    /** Copy with the range replaced by a logged-style range (narrowed to f32). */
    public RenderOverrides withRange(ValueRange range) {
        return withRange(range == null ? null : DepthRange.of(range));
    }

    /** Copy with the filter replaced. */
    public RenderOverrides withFilter(MagnificationFilter filter) {
        return new RenderOverrides(colormap, range, filter);
    }
}
