package io.github.rerun4j.io.camera;

import io.github.rerun4j.io.FileFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Plain-text calibrations: Middlebury's {@code calib.txt} ({@code cam0=[f 0 cx; 0 f cy; 0 0 1]},
 * {@code width=}, {@code height=}; key {@code cam0} unless told), ScanNet's {@code <scene>.txt}
 * ({@code m_calibrationDepthIntrinsic = 16 numbers}, {@code m_depthWidth}, {@code m_depthHeight}) and KITTI's
 * {@code calib_cam_to_cam.txt} ({@code P_rect_02: 12 numbers}, size from {@code S_rect_02}; key
 * {@code P_rect_02} unless told), and a bare 3x3 or 4x4 matrix ({@code K.txt}, ScanNet's {@code intrinsic_depth.txt}).
 */
final class TextCamera {

    private TextCamera() {
    }

    /** {@code key=value} or {@code key: value} lines, in order. */
    private static Map<String, String> entries(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int sep = eq >= 0 && (colon < 0 || eq < colon) ? eq : colon;
            if (sep > 0) {
                entries.put(line.substring(0, sep).strip(), line.substring(sep + 1).strip());
            }
        }
        return entries;
    }

    /** Middlebury's {@code doffs} and {@code baseline}, when the file has both. */
    static @Nullable StereoCalibration stereo(Path file) throws IOException {
        Map<String, String> entries = entries(file);
        if (!entries.containsKey("doffs") || !entries.containsKey("baseline")) {
            return null;
        }
        List<Double> doffs = MatrixSource.parseNumbers(file, "key doffs", entries.get("doffs"));
        List<Double> baseline = MatrixSource.parseNumbers(file, "key baseline", entries.get("baseline"));
        if (doffs.size() != 1 || baseline.size() != 1 || !Double.isFinite(doffs.get(0)) || !(baseline.get(0) > 0)
                || !Double.isFinite(baseline.get(0))) {
            throw new FileFormatException(file, "keys doffs, baseline", "expected one finite number each, baseline > 0 "
                    + "(mm), found doffs=" + entries.get("doffs") + " baseline=" + entries.get("baseline"));
        }
        return new StereoCalibration(doffs.get(0), baseline.get(0));
    }

    static Intrinsics read(Path file, @Nullable String key) throws IOException {
        Map<String, String> entries = entries(file);
        if (entries.isEmpty() && key == null) {
            // A bare matrix: 9 numbers (K.txt) or 16 (ScanNet's exported intrinsic_depth.txt), rows on lines.
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return MatrixSource.intrinsics(file, MatrixSource.parseNumbers(file, "the matrix", text), "the matrix", "matrix", 0, 0,
                    new ArrayList<>());
        }
        boolean middlebury = entries.containsKey("cam0");
        boolean scanNet = entries.containsKey("m_calibrationDepthIntrinsic");
        String k = key != null ? key : middlebury ? "cam0" : scanNet ? "m_calibrationDepthIntrinsic" : "P_rect_02";
        String value = entries.get(k);
        if (value == null) {
            throw new FileFormatException(file, "key " + k, "expected a camera matrix there, found no such key; keys: "
                    + entries.keySet());
        }
        List<Double> m = MatrixSource.parseNumbers(file, "key " + k, value);
        int width = 0;
        int height = 0;
        if (middlebury && entries.containsKey("width") && entries.containsKey("height")) {
            width = whole(file, "width", entries.get("width"));
            height = whole(file, "height", entries.get("height"));
        } else if (k.equals("m_calibrationDepthIntrinsic") && entries.containsKey("m_depthWidth")
                && entries.containsKey("m_depthHeight")) {
            width = whole(file, "m_depthWidth", entries.get("m_depthWidth"));
            height = whole(file, "m_depthHeight", entries.get("m_depthHeight"));
        } else if (k.startsWith("P_rect_") && entries.containsKey("S_rect_" + k.substring(7))) {
            List<Double> s = MatrixSource.parseNumbers(file, "key S_rect_" + k.substring(7), entries.get("S_rect_" + k.substring(7)));
            if (s.size() == 2) {
                width = whole(file, "S_rect_" + k.substring(7), Double.toString(s.get(0)));
                height = whole(file, "S_rect_" + k.substring(7), Double.toString(s.get(1)));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (middlebury && entries.containsKey("doffs")) {
            warnings.add("stereo: doffs=" + entries.get("doffs") + " baseline=" + entries.getOrDefault("baseline", "?")
                    + " (mm), used by --disparity");
        }
        return MatrixSource.intrinsics(file, m, "key " + k, k, width, height, warnings);
    }

    private static int whole(Path file, String key, String text) throws FileFormatException {
        try {
            double v = Double.parseDouble(text.strip());
            if (v > 0 && v == Math.rint(v) && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FileFormatException(file, "key " + key, "expected a whole number of pixels > 0, found \"" + text + "\"");
    }
}
