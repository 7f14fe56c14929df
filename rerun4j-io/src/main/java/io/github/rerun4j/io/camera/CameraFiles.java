package io.github.rerun4j.io.camera;

import io.github.rerun4j.io.FileFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads pinhole intrinsics from a camera file, by extension: {@code .yaml/.yml} (ROS {@code camera_info}
 * dumps of ROS 1 or 2, {@code camera_calibration_parsers}, OpenCV FileStorage YAML), {@code .json} (plain
 * {@code {fx, fy, cx, cy, width, height}}, Open3D), {@code .xml} (OpenCV FileStorage XML), {@code .txt}
 * (Middlebury {@code calib.txt}, KITTI {@code calib_cam_to_cam.txt}). {@link Intrinsics#source()} says which
 * matrix was used (ROS: P unless told K, as ROS's {@code image_geometry} does).
 *
 * <pre>{@code
 * Intrinsics k = CameraFiles.read(Path.of("camera_info.yaml"), CameraMatrix.K, null);
 * }</pre>
 */
public final class CameraFiles {

    private CameraFiles() {
    }

    /** Reads {@code file} with ROS's rule for K and P and the usual key names. */
    public static Intrinsics read(Path file) throws IOException {
        return read(file, CameraMatrix.AUTO, null);
    }

    /**
     * @param choice which matrix of a ROS file to use
     * @param key    the key of the matrix when it has an unusual name (OpenCV files vary), or null
     */
    public static Intrinsics read(Path file, CameraMatrix choice, @Nullable String key) throws IOException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return TreeCamera.read(file, XmlCamera.tree(file), choice, key);
        }
        if (name.endsWith(".txt")) {
            return TextCamera.read(file, key);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            return TreeCamera.read(file, yamlTree(file, name.endsWith(".json")), choice, key);
        }
        throw new FileFormatException(file, "file name", "expected a camera file ending in .yaml, .yml, .json, .xml or .txt");
    }

    /**
     * The stereo parameters of a Middlebury {@code calib.txt} ({@code doffs} in pixels, {@code baseline} in
     * millimetres), or empty when the file has none (any other camera file).
     */
    public static Optional<StereoCalibration> stereo(Path file) throws IOException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") ? Optional.ofNullable(TextCamera.stereo(file)) : Optional.empty();
    }

    private static Map<?, ?> yamlTree(Path file, boolean json) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (json) {
            text = text.replace('\t', ' '); // JSON may indent with tabs, YAML may not; JSON strings hold no raw tab
        } else {
            // OpenCV FileStorage: "%YAML:1.0" is not a YAML directive, and its !!opencv-matrix tag is its own.
            text = text.replaceFirst("\\A\\s*%YAML:[0-9.]+", "").replaceAll("!!opencv-(nd-)?matrix", "");
        }
        try {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                if (doc instanceof Map<?, ?> map) {
                    return map; // rostopic echo separates messages with ---: the first one is used
                }
            }
        } catch (YAMLException e) {
            throw new FileFormatException(file, json ? "JSON" : "YAML", "expected a well-formed " + (json ? "JSON object"
                    : "YAML mapping") + ": " + e.getMessage().replace('\n', ' '), e);
        }
        throw new FileFormatException(file, json ? "JSON" : "YAML", "expected a mapping of keys at the top level");
    }
}
