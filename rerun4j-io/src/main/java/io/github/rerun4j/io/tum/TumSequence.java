package io.github.rerun4j.io.tum;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.io.camera.Intrinsics;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.types.Quaternion;
import io.github.rerun4j.sdk.types.Vec3D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A TUM RGB-D sequence folder: {@code depth.txt} (required), {@code rgb.txt} and {@code groundtruth.txt}
 * (optional), the images they name (16-bit PNG depth at 5000 per metre, registered to the colour camera) and
 * the published intrinsics for the folder's sensor ({@link TumCamera}).
 *
 * @param dir        the folder
 * @param frames     depth frames in time order, each with its associated colour image when asked for
 * @param poses      the ground truth: the colour camera's pose in the motion-capture world, in time order
 * @param intrinsics the sensor's published intrinsics
 * @param unpaired   depth frames left out because no colour image was within the association window
 */
public record TumSequence(Path dir, List<Frame> frames, List<Pose> poses, Intrinsics intrinsics, int unpaired) {

    /** Depth units per metre of TUM's depth PNGs. */
    public static final double DEPTH_PER_METRE = 5000;

    /**
     * One frame, logged at the depth image's timestamp.
     *
     * @param nanos      the depth image's timestamp, nanoseconds since the epoch
     * @param depth      the depth PNG
     * @param colour     the associated colour image, or null
     * @param colourNanos its own timestamp (0 when there is none)
     */
    public record Frame(long nanos, Path depth, @Nullable Path colour, long colourNanos) {
    }

    /**
     * A ground-truth line: translation in metres and a unit quaternion (scalar last).
     *
     * @param nanos timestamp, nanoseconds since the epoch
     */
    public record Pose(long nanos, double tx, double ty, double tz, double qx, double qy, double qz, double qw) {

        /** The camera's pose as the transform from its entity to the parent (Rerun's default relation). */
        public Transform3D toTransform() {
            return Transform3D.fromTranslationRotation(Vec3D.of(tx, ty, tz), Quaternion.fromXyzw(qx, qy, qz, qw));
        }
    }

    /**
     * Reads the folder's lists.
     *
     * @param withColour pair each depth image with a colour image (the benchmark's association, 20 ms);
     *                   false: every depth image, no colour
     */
    public static TumSequence open(Path dir, boolean withColour) throws IOException {
        Path depthList = dir.resolve("depth.txt");
        if (!Files.isRegularFile(depthList)) {
            throw new FileFormatException(dir, "depth.txt", "expected a TUM RGB-D folder with depth.txt (and rgb.txt, "
                    + "groundtruth.txt), found no depth.txt");
        }
        List<TumList.Line> depth = TumList.read(depthList, 1);
        List<Frame> frames = new ArrayList<>();
        int unpaired = 0;
        Path rgbList = dir.resolve("rgb.txt");
        if (withColour && Files.isRegularFile(rgbList)) {
            List<TumList.Line> rgb = TumList.read(rgbList, 1);
            double[] rgbStamps = rgb.stream().mapToDouble(TumList.Line::seconds).toArray();
            double[] depthStamps = depth.stream().mapToDouble(TumList.Line::seconds).toArray();
            List<int[]> pairs = TumAssociation.associate(rgbStamps, depthStamps, 0, TumAssociation.DEFAULT_MAX_DIFFERENCE);
            pairs.sort(java.util.Comparator.comparingLong(p -> depth.get(p[1]).nanos()));
            for (int[] p : pairs) {
                TumList.Line d = depth.get(p[1]);
                TumList.Line c = rgb.get(p[0]);
                frames.add(new Frame(d.nanos(), dir.resolve(d.fields().get(0)), dir.resolve(c.fields().get(0)), c.nanos()));
            }
            unpaired = depth.size() - pairs.size();
        } else {
            for (TumList.Line d : depth) {
                frames.add(new Frame(d.nanos(), dir.resolve(d.fields().get(0)), null, 0));
            }
            frames.sort(java.util.Comparator.comparingLong(Frame::nanos));
        }
        List<Pose> poses = new ArrayList<>();
        Path truth = dir.resolve("groundtruth.txt");
        if (Files.isRegularFile(truth)) {
            for (TumList.Line l : TumList.read(truth, 7)) {
                double[] v = new double[7];
                for (int i = 0; i < 7; i++) {
                    try {
                        v[i] = Double.parseDouble(l.fields().get(i));
                    } catch (NumberFormatException e) {
                        v[i] = Double.NaN;
                    }
                    if (!Double.isFinite(v[i])) {
                        throw new FileFormatException(truth, "line " + l.lineNumber() + " field " + (i + 2),
                                "expected a finite number (tx ty tz qx qy qz qw), found \"" + l.fields().get(i) + "\"");
                    }
                }
                poses.add(new Pose(l.nanos(), v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
            }
            poses.sort(java.util.Comparator.comparingLong(Pose::nanos));
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new TumSequence(dir, List.copyOf(frames), List.copyOf(poses),
                TumCamera.forSequence(name == null ? "" : name.toString()), unpaired);
    }
}
