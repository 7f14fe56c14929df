package io.github.rerun4j.io.camera;

import io.github.rerun4j.io.FileFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the numbers of a 3x3 camera matrix or a 3x4 projection matrix (row-major, as ROS, OpenCV, KITTI and
 * Middlebury write them) into {@link Intrinsics}: fx = [0][0], cx = [0][2], fy = [1][1], cy = [1][2].
 */
final class MatrixSource {

    private MatrixSource() {
    }

    /**
     * @param numbers row-major elements: 9 (3x3), 12 (3x4) or 16 (4x4)
     * @param where   the place in the file, for refusals: {@code "key P"}
     * @param what    which matrix it is, for the source text: {@code "P (projection_matrix)"}
     */
    static Intrinsics intrinsics(Path file, List<Double> numbers, String where, String what, int width, int height,
                                 List<String> warnings) throws FileFormatException {
        int cols;
        if (numbers.size() == 9) {
            cols = 3;
        } else if (numbers.size() == 12 || numbers.size() == 16) {
            cols = 4; // 3x4 projection, or ScanNet's 4x4 intrinsic matrix: the same places
        } else {
            throw new FileFormatException(file, where, "expected 9 numbers (3x3 camera matrix), 12 (3x4 "
                    + "projection matrix) or 16 (4x4), found " + numbers.size());
        }
        double fx = numbers.get(0);
        double cx = numbers.get(2);
        double fy = numbers.get(cols + 1);
        double cy = numbers.get(cols + 2);
        if (!Double.isFinite(fx) || !Double.isFinite(fy) || fx == 0 || fy == 0 || !Double.isFinite(cx)
                || !Double.isFinite(cy)) {
            throw new FileFormatException(file, where, "expected finite numbers with non-zero focal lengths "
                    + "[0][0] and [1][1], found fx=" + fx + " fy=" + fy + " cx=" + cx + " cy=" + cy);
        }
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new FileFormatException(file, "image size", "expected a width and a height > 0, found " + width + "x" + height);
        }
        return new Intrinsics(fx, fy, cx, cy, width, height, what + " of " + file, warnings);
    }

    /**
     * Whitespace-, comma- or semicolon-separated numbers, with brackets ignored; also the {@code array('d', [...])}
     * form some ROS 2 releases print for CameraInfo's {@code d}, {@code k}, {@code p}.
     */
    static List<Double> parseNumbers(Path file, String where, String text) throws FileFormatException {
        String body = text.strip();
        if (body.startsWith("array(") && body.indexOf('[') > 0 && body.lastIndexOf(']') > body.indexOf('[')) {
            body = body.substring(body.indexOf('[') + 1, body.lastIndexOf(']'));
        }
        List<Double> out = new ArrayList<>();
        for (String t : body.replace('[', ' ').replace(']', ' ').split("[\\s,;]+")) {
            if (!t.isEmpty()) {
                try {
                    out.add(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new FileFormatException(file, where, "expected numbers, found \"" + t + "\"");
                }
            }
        }
        return out;
    }

    /** A warning when distortion coefficients are present and not all zero. */
    static void warnDistortion(List<Double> coefficients, String model, List<String> warnings) {
        if (coefficients.stream().anyMatch(d -> d != 0)) {
            warnings.add("distortion coefficients " + coefficients + (model.isEmpty() ? "" : " (" + model + ")")
                    + " not applied: Rerun's Pinhole has no distortion");
        }
    }
}
