package io.github.rerun4j.io.tum;

import io.github.rerun4j.io.camera.Intrinsics;
import io.github.rerun4j.sdk.InvalidArgumentException;
import java.util.List;
import java.util.Locale;

/**
 * The TUM RGB-D data set's published intrinsics of the colour camera (depth is registered to it), chosen by
 * the sequence's folder name ({@code rgbd_dataset_freiburg1_xyz} is a freiburg1 sequence); the ROS default
 * for anything else. Distortion is published for freiburg1 and 2 and is not applied (Rerun's Pinhole has none).
 */
public final class TumCamera {

    private TumCamera() {
    }

    /** The preset names {@link #preset(String)} knows. */
    public static final List<String> PRESETS = List.of("freiburg1", "freiburg2", "freiburg3", "ros-default");

    /**
     * A preset by name: {@code freiburg1}, {@code freiburg2}, {@code freiburg3} (TUM's calibrated sensors) or
     * {@code ros-default} (525, 525, 319.5, 239.5); 640x480.
     *
     * @throws InvalidArgumentException for another name
     */
    public static Intrinsics preset(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("ros-default")) {
            return forSequence("");
        }
        if (!PRESETS.contains(n)) {
            throw new InvalidArgumentException("TumCamera.preset", name, "one of " + PRESETS);
        }
        return forSequence(n);
    }

    /** The intrinsics for a sequence folder name, 640x480. */
    public static Intrinsics forSequence(String folderName) {
        String n = folderName.toLowerCase(Locale.ROOT);
        if (n.contains("freiburg1")) {
            return preset(517.3, 516.5, 318.6, 255.3, "freiburg1", "0.2624 -0.9531 -0.0054 0.0026 1.1633");
        }
        if (n.contains("freiburg2")) {
            return preset(520.9, 521.0, 325.1, 249.7, "freiburg2", "0.2312 -0.7849 -0.0033 -0.0001 0.9172");
        }
        if (n.contains("freiburg3")) {
            return preset(535.4, 539.2, 320.1, 247.6, "freiburg3", null);
        }
        return new Intrinsics(525.0, 525.0, 319.5, 239.5, 640, 480,
                "the ROS default (uncalibrated) intrinsics; the folder name names no freiburg1/2/3 sensor", List.of());
    }

    private static Intrinsics preset(double fx, double fy, double cx, double cy, String sensor, String distortion) {
        List<String> warnings = distortion == null ? List.of()
                : List.of("distortion coefficients [" + distortion + "] (" + sensor + ") not applied: Rerun's Pinhole has no distortion");
        return new Intrinsics(fx, fy, cx, cy, 640, 480, "the TUM RGB-D " + sensor + " intrinsics", warnings);
    }
}
