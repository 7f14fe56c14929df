package io.github.rerun4j.io.camera;

import io.github.rerun4j.sdk.InvalidArgumentException;

/**
 * A rectified stereo pair's parameters as Middlebury's {@code calib.txt} states them, for disparity to depth.
 *
 * @param doffs                x difference of the principal points, {@code cx1 - cx0}, pixels, finite
 * @param baselineMillimetres  distance between the camera centres, millimetres, finite {@code > 0}
 */
public record StereoCalibration(double doffs, double baselineMillimetres) {

    /** Validates the fields. */
    public StereoCalibration {
        if (!Double.isFinite(doffs)) {
            throw new InvalidArgumentException("StereoCalibration.doffs", Double.toString(doffs), "a finite number of pixels");
        }
        if (!(baselineMillimetres > 0) || !Double.isFinite(baselineMillimetres)) {
            throw new InvalidArgumentException("StereoCalibration.baselineMillimetres", Double.toString(baselineMillimetres),
                    "a finite value > 0");
        }
    }

    /** The baseline in metres, for depth in metres. */
    public double baselineMetres() {
        return baselineMillimetres / 1000;
    }
}
