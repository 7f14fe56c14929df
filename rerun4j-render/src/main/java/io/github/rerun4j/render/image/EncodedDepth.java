package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.ValueRange;

/**
 * An {@link EncodedDepthImage} as Rerun 0.33 shows it: decoded (RVL to f32, 16-bit PNG to u16, 8-bit PNG to u8),
 * then exactly a {@link DepthImage} with the encoded archetype's own fallbacks filled in, so the existing colormap,
 * range, filter, back-projection and hover code draws it. The differences from a DepthImage (next-archetypes §2.1,
 * §2.2) live here and only here: {@code meter} defaults to 1000 whatever the data (also for quantised RVL, whose
 * values are metres: 0.33 shows them 1000x too close), {@code depth_range} defaults to {@code [0, 2^bits - 1]}
 * ([0, 65535] for RVL and 16-bit PNG, [0, 255] for 8-bit PNG) instead of {@code [0, max]}, the logged
 * magnification filter is ignored, and in 2D magnification is Nearest and minification bilinear
 * ({@link #overrides2D}).
 *
 * <pre>{@code
 * DepthImage shown = EncodedDepth.asDepthImage(encoded);             // decode + 0.33 fallbacks
 * int[] px = DepthImageRenderer2D.render(shown, 32, 24, EncodedDepth.overrides2D(RenderOverrides.NONE, shown, 32));
 * }</pre>
 */
public final class EncodedDepth {

    /** 0.33's meter for encoded depth when none is logged. */
    public static final float DEFAULT_METER = 1000f;

    private EncodedDepth() {
    }

    /**
     * Decodes {@code encoded} and fills the 0.33 fallbacks for meter and depth range.
     *
     * @throws io.github.rerun4j.sdk.InvalidArgumentException if the blob does not decode (the message says why)
     */
    public static DepthImage asDepthImage(EncodedDepthImage encoded) {
        DepthImage decoded = encoded.decode();
        if (decoded.meter() == null) {
            decoded = decoded.withMeter(DEFAULT_METER);
        }
        if (decoded.depthRange() == null) {
            double max = decoded.datatype() == ChannelDatatype.U8 ? 255 : 65535;
            decoded = decoded.withDepthRange(ValueRange.of(0, max));
        }
        return decoded;
    }

    /**
     * The 2D filter of encoded depth, whatever was logged: Nearest when magnified, bilinear when minified. Other
     * overrides (colormap, range) are kept.
     */
    public static RenderOverrides overrides2D(RenderOverrides overrides, DepthImage decoded, int outWidth) {
        RenderOverrides o = overrides == null ? RenderOverrides.NONE : overrides;
        boolean magnified = Sampler.isMagnified(decoded.width(), outWidth);
        return o.withFilter(magnified ? MagnificationFilter.NEAREST : MagnificationFilter.LINEAR);
    }
}
