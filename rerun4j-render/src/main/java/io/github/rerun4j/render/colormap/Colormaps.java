package io.github.rerun4j.render.colormap;

import io.github.rerun4j.sdk.types.Colormap;

import java.util.Objects;

/**
 * The eleven colormaps of the Rerun 0.33 viewer, evaluated on the CPU exactly as the GPU does
 * ({@code docs/semantics.md} §3.3–§3.5): {@code t} is saturated to [0, 1] (NaN counts as 0), the map returns
 * gamma-encoded sRGB components, and the byte on screen is {@code round(255 * clamp01(c))}.
 *
 * <p>All arithmetic is f32 (coefficients are f32 constants, as in the shader), so results match the GPU to
 * the last byte except for rounding noise; the one known difference to an f64 evaluation is Inferno's blue at
 * t = 1 (167 instead of 168).
 *
 * <pre>{@code
 * int c = Colormaps.argb(Colormap.TURBO, 1f);      // 0xFF900D00 (#900D00)
 * float[] s = Colormaps.srgb(Colormap.TURBO, 1f);  // {0.5659, 0.0504, -0.0255, 1} unclamped
 * }</pre>
 */
public final class Colormaps {

    private static final int R = 0;
    private static final int G = 1;
    private static final int B = 2;
    private static final int A = 3;

    private Colormaps() {
    }

    /**
     * The displayed color for normalised value {@code t} ({@code t} outside [0, 1] is saturated, NaN gives
     * the t = 0 color), packed as {@link Argb} {@code 0xAARRGGBB}. Allocation-free.
     */
    public static int argb(Colormap colormap, float t) {
        Objects.requireNonNull(colormap, "colormap");
        float s = saturate(t);
        return Argb.pack(toByte(component(colormap, R, s)), toByte(component(colormap, G, s)),
                toByte(component(colormap, B, s)), toByte(component(colormap, A, s)));
    }

    /**
     * The unrounded, unclamped shader output {@code {r, g, b, a}} (gamma sRGB, 0..1 nominal) for {@code t}
     * after saturation. Polynomials may overshoot slightly (Turbo up to 1.031); useful for tolerance checks.
     */
    public static float[] srgb(Colormap colormap, float t) {
        Objects.requireNonNull(colormap, "colormap");
        float s = saturate(t);
        return new float[] {component(colormap, R, s), component(colormap, G, s), component(colormap, B, s),
                component(colormap, A, s)};
    }

    /**
     * WGSL {@code saturate}: clamps to [0, 1]. NaN maps to 0 because that is what common GPUs return and
     * what the document prescribes as the likely on-screen result (§3.2, §10).
     */
    public static float saturate(float t) {
        if (t >= 0f) {
            return t <= 1f ? t : 1f;
        }
        return 0f; // negative or NaN
    }

    /** {@code round(255 * clamp01(c))}: the byte the sRGB framebuffer shows (the sRGB round trip is exact). */
    public static int toByte(float c) {
        return (int) (saturate(c) * 255f + 0.5f);
    }

    private static float component(Colormap colormap, int channel, float t) {
        if (channel == A) {
            return alpha(colormap, t);
        }
        switch (colormap) {
            case GRAYSCALE:
                return t; // linear in gamma space is perceptually even, so sRGB (t, t, t) as-is
            case TURBO:
                return turbo(TURBO_COEFFS[channel], t);
            case VIRIDIS:
                return horner(VIRIDIS[channel], t);
            case PLASMA:
                return horner(PLASMA[channel], t);
            case MAGMA:
                return horner(MAGMA[channel], t);
            case INFERNO:
                return horner(INFERNO[channel], t);
            case SPECTRAL:
                return horner(SPECTRAL[channel], t);
            case TWILIGHT:
                return horner(TWILIGHT[channel], t);
            case CYAN_TO_YELLOW:
                return cyanToYellow(channel, t);
            case RVIZ_MAP:
                return RvizPalettes.map(channel, RvizPalettes.index(t));
            case RVIZ_COSTMAP:
                return RvizPalettes.costmap(channel, RvizPalettes.index(t));
            default:
                throw new IllegalArgumentException("unknown colormap " + colormap);
        }
    }

    private static float alpha(Colormap colormap, float t) {
        if (colormap == Colormap.RVIZ_COSTMAP) {
            return RvizPalettes.index(t) == 0 ? 0f : 1f; // "no cost" cells are see-through in RViz
        }
        return 1f;
    }

    /** Turbo: c0 + c1 t + c2 t² + c3 t³ + c4 t⁴ + c5 t⁵ with explicit powers (Google's fit). */
    private static float turbo(float[] c, float t) {
        float t2 = t * t;
        float t3 = t2 * t;
        float t4 = t2 * t2;
        float t5 = t3 * t2;
        return (c[0] + c[1] * t + c[2] * t2 + c[3] * t3) + (c[4] * t4 + c[5] * t5);
    }

    /** Degree-6 polynomial in nested Horner form, the evaluation order of the matplotlib fits. */
    private static float horner(float[] c, float t) {
        return c[0] + t * (c[1] + t * (c[2] + t * (c[3] + t * (c[4] + t * (c[5] + t * c[6])))));
    }

    /** rasmusgo's diverging map: u = 2t − 1, channels (1 + 3u)/4, (1 + 3u²)/4, (1 − 3u)/4, clamped. */
    private static float cyanToYellow(int channel, float t) {
        float u = t * 2f - 1f;
        float c;
        if (channel == R) {
            c = (1f + 3f * u) / 4f;
        } else if (channel == G) {
            c = (1f + 3f * u * u) / 4f;
        } else {
            c = (1f - 3f * u) / 4f;
        }
        return saturate(c);
    }

    // ---- coefficients, one row per channel (R, G, B), f32 like the shader constants ------------------------

    private static final float[][] TURBO_COEFFS = {
            {0.13572138f, 4.61539260f, -42.66032258f, 132.13108234f, -152.94239396f, 59.28637943f},
            {0.09140261f, 2.19418839f, 4.84296658f, -14.18503333f, 4.27729857f, 2.82956604f},
            {0.10667330f, 12.64194608f, -60.58204836f, 110.36276771f, -89.90310912f, 27.34824973f},
    };

    private static final float[][] VIRIDIS = channels(new double[][] {
            {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
            {0.1050930431085774, 1.404613529898575, 1.384590162594685},
            {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
            {-4.634230498983486, -5.799100973351585, -19.33244095627987},
            {6.228269936347081, 14.17993336680509, 56.69055260068105},
            {4.776384997670288, -13.74514537774601, -65.35303263337234},
            {-5.435455855934631, 4.645852612178535, 26.3124352495832},
    });

    private static final float[][] PLASMA = channels(new double[][] {
            {0.05873234392399702, 0.02333670892565664, 0.5433401826748754},
            {2.176514634195958, 0.2383834171260182, 0.7539604599784036},
            {-2.689460476458034, -7.455851135738909, 3.110799939717086},
            {6.130348345893603, 42.3461881477227, -28.51885465332158},
            {-11.10743619062271, -82.66631109428045, 60.13984767418263},
            {10.02306557647065, 71.41361770095349, -54.07218655560067},
            {-3.658713842777788, -22.93153465461149, 18.19190778539828},
    });

    private static final float[][] MAGMA = channels(new double[][] {
            {-0.002136485053939582, -0.000749655052795221, -0.005386127855323933},
            {0.2516605407371642, 0.6775232436837668, 2.494026599312351},
            {8.353717279216625, -3.577719514958484, 0.3144679030132573},
            {-27.66873308576866, 14.26473078096533, -13.64921318813922},
            {52.17613981234068, -27.94360607168351, 12.94416944238394},
            {-50.76852536473588, 29.04658282127291, 4.23415299384598},
            {18.65570506591883, -11.48977351997711, -5.601961508734096},
    });

    private static final float[][] INFERNO = channels(new double[][] {
            {0.0002189403691192265, 0.001651004631001012, -0.01948089843709184},
            {0.1065134194856116, 0.5639564367884091, 3.932712388889277},
            {11.60249308247187, -3.972853965665698, -15.9423941062914},
            {-41.70399613139459, 17.43639888205313, 44.35414519872813},
            {77.162935699427, -33.40235894210092, -81.80730925738993},
            {-71.31942824499214, 32.62606426397723, 73.20951985803202},
            {25.13112622477341, -12.24266895238567, -23.07032500287172},
    });

    private static final float[][] SPECTRAL = channels(new double[][] {
            {0.584384543712538, 0.006424432561482, 0.231061410304836},
            {3.768572852617221, 2.487082885717158, 2.821174312084977},
            {-16.262574054760623, -6.243215992229093, -37.292187460541960},
            {39.821464952234010, 39.932449794574126, 186.340471613899751},
            {-46.140976850412727, -99.423798167148249, -388.532539629914481},
            {12.716626092708825, 96.954180217298671, 360.627239851094203},
            {5.942343111972585, -33.440386037285862, -123.635206049211334},
    });

    private static final float[][] TWILIGHT = channels(new double[][] {
            {0.99435322698120177, 0.85170793387210064, 0.93942033498486266},
            {-6.61774273956635106, -0.23133259259568750, -3.96704343424284378},
            {41.78124131041812461, -7.61851602599826982, 38.98566990464263426},
            {-158.29764239605322018, 3.73408709288658525, -170.02538195370874519},
            {301.70954078396789555, 25.04157831823896174, 319.73628266524258379},
            {-265.16454480601146315, -30.83148395246298179, -271.62226902484138691},
            {86.58914784721200531, 9.90660484718943267, 86.89294583380010456},
    });

    /**
     * Transposes a table written as in the document (one row per power k, columns R, G, B) into one f32
     * coefficient array per channel. The f64 literal rounds to the same f32 as the shader's literal.
     */
    private static float[][] channels(double[][] byPower) {
        float[][] out = new float[3][byPower.length];
        for (int k = 0; k < byPower.length; k++) {
            for (int ch = 0; ch < 3; ch++) {
                out[ch][k] = (float) byPower[k][ch];
            }
        }
        return out;
    }
}
