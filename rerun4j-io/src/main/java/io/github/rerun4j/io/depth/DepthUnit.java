package io.github.rerun4j.io.depth;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.Require;
import java.util.Locale;

/**
 * What one raw depth unit is worth. Rerun's {@code meter} is "units per metre"; a camera SDK's "depth scale"
 * is "metres per unit", its inverse: {@code meter = 1 / scale}. Presets: {@link #MM} (1000, RealSense, Azure
 * Kinect, most 16-bit PNG data sets), {@link #M} (1, float depth in metres), {@link #TUM} (5000, TUM RGB-D
 * PNGs), {@link #KITTI} (256, KITTI depth PNGs).
 *
 * @param name  the preset's name or {@code scale=...}
 * @param meter raw units per metre, finite {@code > 0}
 */
public record DepthUnit(String name, double meter) {

    /** Millimetres: 1000 units per metre. */
    public static final DepthUnit MM = new DepthUnit("mm", 1000);
    /** Metres: 1 unit per metre. */
    public static final DepthUnit M = new DepthUnit("m", 1);
    /** TUM RGB-D depth PNGs: 5000 units per metre. */
    public static final DepthUnit TUM = new DepthUnit("tum", 5000);
    /** KITTI depth PNGs: 256 units per metre. */
    public static final DepthUnit KITTI = new DepthUnit("kitti", 256);

    /** Validates the fields. */
    public DepthUnit {
        Require.nonBlank("DepthUnit.name", name);
        if (!(meter > 0) || !Double.isFinite(meter)) {
            throw new InvalidArgumentException("DepthUnit.meter", Double.toString(meter), "a finite value > 0 (units per metre)");
        }
    }

    /** A preset by name, case-insensitive: {@code mm}, {@code m}, {@code tum} or {@code kitti}. */
    public static DepthUnit preset(String name) {
        Require.nonNull("DepthUnit.name", name);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mm" -> MM;
            case "m" -> M;
            case "tum" -> TUM;
            case "kitti" -> KITTI;
            default -> throw new InvalidArgumentException("DepthUnit.name", name, "one of mm, m, tum, kitti");
        };
    }

    /**
     * The unit of a camera SDK's depth scale, in metres per unit (RealSense D4xx 0.001, L515 0.00025, SR300
     * 0.000124986647): {@code meter = 1 / metresPerUnit}.
     */
    public static DepthUnit fromDepthScale(double metresPerUnit) {
        if (!(metresPerUnit > 0) || !Double.isFinite(metresPerUnit) || !Double.isFinite(1 / metresPerUnit)) {
            throw new InvalidArgumentException("DepthUnit.depthScale", Double.toString(metresPerUnit),
                    "a finite value > 0 in metres per unit (e.g. 0.001 for millimetres)");
        }
        return new DepthUnit("scale=" + metresPerUnit, 1 / metresPerUnit);
    }

    /** Metres per unit, the camera SDKs' "depth scale": {@code 1 / meter}. */
    public double depthScale() {
        return 1 / meter;
    }
}
