package io.github.rerun4j.io.camera;

import io.github.rerun4j.io.FileFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Intrinsics from a parsed YAML or JSON tree: ROS {@code CameraInfo} dumps ({@code K}/{@code k},
 * {@code P}/{@code p}, {@code width}, {@code height}, {@code D}), {@code camera_calibration_parsers} files
 * ({@code camera_matrix}, {@code projection_matrix}, {@code image_width}), OpenCV FileStorage
 * ({@code camera_matrix}/{@code K}/{@code cameraMatrix}/{@code M1} with {@code data}), plain JSON
 * ({@code fx, fy, cx, cy, width, height}), Open3D's {@code intrinsic_matrix} (column-major) and Kalibr's
 * camchain ({@code cam0.intrinsics}).
 */
final class TreeCamera {

    private static final List<String> K_KEYS = List.of("K", "k", "camera_matrix", "cameraMatrix", "Camera_Matrix",
            "M1", "intrinsic", "intrinsics", "camera_intrinsics");
    private static final List<String> P_KEYS = List.of("P", "p", "projection_matrix", "projectionMatrix");
    private static final List<String> D_KEYS = List.of("D", "d", "distortion_coefficients", "dist_coeffs",
            "distCoeffs", "Distortion_Coefficients", "D1");

    private TreeCamera() {
    }

    static Intrinsics read(Path file, Map<?, ?> root, CameraMatrix choice, @Nullable String key) throws FileFormatException {
        int width = size(file, root, "width", "image_width", "imageWidth", "w");
        int height = size(file, root, "height", "image_height", "imageHeight", "h");
        List<String> warnings = new ArrayList<>();
        for (String d : D_KEYS) {
            if (root.get(d) != null) {
                MatrixSource.warnDistortion(numbers(file, d, root.get(d)), text(root.get("distortion_model")), warnings);
                break;
            }
        }
        if (key != null) {
            if (!root.containsKey(key)) {
                throw new FileFormatException(file, "key " + key, "expected a camera matrix there, found no such key; keys: "
                        + root.keySet());
            }
            return MatrixSource.intrinsics(file, numbers(file, key, root.get(key)), "key " + key, key, width, height,
                    warnings);
        }
        if (root.get("fx") != null || root.get("fy") != null) {
            return new Intrinsics(number(file, root, "fx"), number(file, root, "fy"),
                    number(file, root, root.containsKey("ppx") ? "ppx" : "cx"),
                    number(file, root, root.containsKey("ppy") ? "ppy" : "cy"), width, height,
                    "fx, fy, cx, cy of " + file, warnings);
        }
        Map<?, ?> kalibr = kalibrCamera(root, key);
        if (kalibr != null) {
            return kalibr(file, kalibr, warnings);
        }
        if (root.get("intrinsic_matrix") != null) { // Open3D's PinholeCameraIntrinsic: column-major 3x3
            List<Double> m = numbers(file, "intrinsic_matrix", root.get("intrinsic_matrix"));
            if (m.size() != 9) {
                throw new FileFormatException(file, "key intrinsic_matrix", "expected 9 numbers (Open3D, column-major), found "
                        + m.size());
            }
            List<Double> rowMajor = List.of(m.get(0), m.get(3), m.get(6), m.get(1), m.get(4), m.get(7), m.get(2),
                    m.get(5), m.get(8));
            return MatrixSource.intrinsics(file, rowMajor, "key intrinsic_matrix", "intrinsic_matrix (Open3D, column-major)",
                    width, height, warnings);
        }
        String kKey = first(root, K_KEYS);
        String pKey = first(root, P_KEYS);
        if (choice == CameraMatrix.K && kKey == null) {
            throw new FileFormatException(file, "key K", "expected a camera matrix (one of " + K_KEYS + "), found keys "
                    + root.keySet());
        }
        if (choice == CameraMatrix.P && pKey == null) {
            throw new FileFormatException(file, "key P", "expected a projection matrix (one of " + P_KEYS + "), found keys "
                    + root.keySet());
        }
        if (choice != CameraMatrix.K && pKey != null) {
            List<Double> p = numbers(file, pKey, root.get(pKey));
            boolean usable = p.size() == 12 && p.get(0) != 0 && p.get(5) != 0;
            if (choice == CameraMatrix.P || usable || kKey == null) {
                String note = kKey == null ? "" : "; K also present (rectified images: P, raw images: K)";
                return MatrixSource.intrinsics(file, p, "key " + pKey, "P (" + pKey + ")" + note, width, height, warnings);
            }
        }
        if (kKey != null) {
            String note = pKey == null ? "" : choice == CameraMatrix.K ? "; P also present" : "; P is all zero";
            return MatrixSource.intrinsics(file, numbers(file, kKey, root.get(kKey)), "key " + kKey, "K (" + kKey + ")" + note, width,
                    height, warnings);
        }
        throw new FileFormatException(file, "keys", "expected a camera matrix (" + K_KEYS + "), a projection matrix ("
                + P_KEYS + ") or fx, fy, cx, cy; found " + root.keySet());
    }

    /**
     * Kalibr's camchain: {@code cam0: {camera_model: pinhole, intrinsics: [fu, fv, pu, pv], resolution: [w, h],
     * distortion_coeffs: [...]}}; {@code cam0} unless the key names another camera.
     */
    private static @Nullable Map<?, ?> kalibrCamera(Map<?, ?> root, @Nullable String key) {
        Object cam = root.get(key != null ? key : "cam0");
        if (cam instanceof Map<?, ?> m && m.get("intrinsics") instanceof List<?> l && l.size() == 4) {
            return m;
        }
        return null;
    }

    private static Intrinsics kalibr(Path file, Map<?, ?> cam, List<String> warnings) throws FileFormatException {
        Object model = cam.get("camera_model");
        if (model != null && !"pinhole".equals(model.toString())) {
            throw new FileFormatException(file, "key camera_model", "expected pinhole (Rerun's camera model), found " + model);
        }
        List<Double> k = numbers(file, "intrinsics", cam.get("intrinsics"));
        int width = 0;
        int height = 0;
        if (cam.get("resolution") != null) {
            List<Double> r = numbers(file, "resolution", cam.get("resolution"));
            if (r.size() != 2 || r.get(0) <= 0 || r.get(1) <= 0 || r.get(0) != Math.rint(r.get(0)) || r.get(1) != Math.rint(r.get(1))) {
                throw new FileFormatException(file, "key resolution", "expected [width, height] in whole pixels, found " + r);
            }
            width = (int) (double) r.get(0);
            height = (int) (double) r.get(1);
        }
        if (cam.get("distortion_coeffs") != null) {
            MatrixSource.warnDistortion(numbers(file, "distortion_coeffs", cam.get("distortion_coeffs")),
                    text(cam.get("distortion_model")), warnings);
        }
        List<Double> rowMajor = List.of(k.get(0), 0.0, k.get(2), 0.0, k.get(1), k.get(3), 0.0, 0.0, 1.0);
        return MatrixSource.intrinsics(file, rowMajor, "key intrinsics", "intrinsics [fu, fv, pu, pv] (Kalibr)", width,
                height, warnings);
    }

    private static @Nullable String first(Map<?, ?> root, List<String> keys) {
        for (String k : keys) {
            if (root.get(k) != null) {
                return k;
            }
        }
        return null;
    }

    /** A list of numbers, or a map with {@code data} (OpenCV, camera_calibration_parsers). */
    private static List<Double> numbers(Path file, String key, @Nullable Object value) throws FileFormatException {
        Object v = value instanceof Map<?, ?> m ? m.get("data") : value;
        if (v instanceof List<?> list) {
            List<Double> out = new ArrayList<>();
            for (Object o : list) {
                out.add(toDouble(file, "key " + key, o));
            }
            return out;
        }
        if (v instanceof String s) {
            return MatrixSource.parseNumbers(file, "key " + key, s);
        }
        throw new FileFormatException(file, "key " + key, "expected a list of numbers or a matrix with data, found "
                + (v == null ? "nothing" : v.getClass().getSimpleName()));
    }

    private static double number(Path file, Map<?, ?> root, String key) throws FileFormatException {
        if (root.get(key) == null) {
            throw new FileFormatException(file, "key " + key, "expected a number, found no such key");
        }
        return toDouble(file, "key " + key, root.get(key));
    }

    private static double toDouble(Path file, String where, @Nullable Object o) throws FileFormatException {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) { // YAML 1.1 reads 1e-3 (no dot) as a string
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new FileFormatException(file, where, "expected a number, found " + o);
    }

    private static int size(Path file, Map<?, ?> root, String... keys) throws FileFormatException {
        for (String k : keys) {
            if (root.get(k) != null) {
                double v = toDouble(file, "key " + k, root.get(k));
                if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                    throw new FileFormatException(file, "key " + k, "expected a whole number of pixels >= 0, found " + v);
                }
                return (int) v;
            }
        }
        return 0;
    }

    private static String text(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }
}
