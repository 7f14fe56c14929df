package io.github.rerun4j.cli;

import io.github.rerun4j.io.depth.DepthFileKind;
import io.github.rerun4j.io.tum.TumAssociation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The frames of an import of files: the DEPTH and {@code --color} arguments expanded ({@link FileArguments},
 * natural order) and paired, by index on a sequence (or at {@code i / fps} seconds), or by the times in the
 * file names ({@link FileNameTime}) with the TUM benchmark's association rule on a timestamp timeline.
 */
final class ImportFrames {

    /** The frames, and how many depth files found no colour file near enough in time. */
    record Paired(List<FrameRecipe.Frame> frames, int unpaired) {
    }

    private ImportFrames() {
    }

    /** Pairs by index; frame i at time i (a sequence) or at {@code i / fps} seconds (nanoseconds). */
    static Paired byIndex(List<Path> depthArgs, List<Path> colourArgs, boolean rawFiles, Double fps) {
        List<Path> depth = depth(depthArgs, rawFiles);
        List<Path> colour = colour(colourArgs);
        if (!colour.isEmpty() && colour.size() != depth.size()) {
            throw CliException.usage("--color: " + colour.size() + " colour files for " + depth.size()
                    + " depth files; they are paired by index (natural order), so the counts must match");
        }
        List<FrameRecipe.Frame> frames = new ArrayList<>();
        for (int i = 0; i < depth.size(); i++) {
            long time = fps == null ? i : Math.round(i * 1e9 / fps);
            frames.add(new FrameRecipe.Frame(time, depth.get(i), colour.isEmpty() ? null : colour.get(i)));
        }
        return new Paired(frames, 0);
    }

    /** Frames at the times in the depth files' names, each with the nearest colour frame (associate.py's rule). */
    static Paired byFileNameTime(List<Path> depthArgs, List<Path> colourArgs, boolean rawFiles, double maxDifference) {
        if (!(maxDifference > 0) || !Double.isFinite(maxDifference)) {
            throw CliException.usage("--max-difference " + maxDifference + ": expected seconds > 0");
        }
        List<Path> depth = depth(depthArgs, rawFiles);
        List<Path> colour = colour(colourArgs);
        long[] depthNanos = times(depth);
        List<FrameRecipe.Frame> frames = new ArrayList<>();
        int unpaired = 0;
        if (colour.isEmpty()) {
            for (int i = 0; i < depth.size(); i++) {
                frames.add(new FrameRecipe.Frame(depthNanos[i], depth.get(i), null));
            }
        } else {
            long[] colourNanos = times(colour);
            List<int[]> pairs = TumAssociation.associate(seconds(colourNanos), seconds(depthNanos), 0, maxDifference);
            for (int[] p : pairs) {
                frames.add(new FrameRecipe.Frame(depthNanos[p[1]], depth.get(p[1]), colour.get(p[0])));
            }
            unpaired = depth.size() - pairs.size();
        }
        frames.sort(Comparator.comparingLong(FrameRecipe.Frame::time));
        if (frames.isEmpty()) {
            throw CliException.usage("--pair timestamp: no depth file has a colour file within " + maxDifference + " s");
        }
        return new Paired(frames, unpaired);
    }

    private static List<Path> depth(List<Path> depthArgs, boolean rawFiles) {
        List<Path> depth = FileArguments.expand(depthArgs, p -> rawFiles || DepthFileKind.of(p).isPresent(), "DEPTH");
        if (depth.isEmpty()) {
            throw CliException.usage("DEPTH " + depthArgs + ": no depth file (" + DepthFileKind.allExtensions() + ")");
        }
        return depth;
    }

    private static List<Path> colour(List<Path> colourArgs) {
        return colourArgs.isEmpty() ? List.of() : FileArguments.expand(colourArgs, ImportFrames::isColourFile, "--color");
    }

    private static boolean isColourFile(Path p) {
        String n = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    private static long[] times(List<Path> files) {
        long[] out = new long[files.size()];
        for (int i = 0; i < out.length; i++) {
            Path f = files.get(i);
            out[i] = FileNameTime.nanos(f).orElseThrow(() -> CliException.usage("--pair timestamp: " + f
                    + " has no time (a number of seconds) in its name"));
        }
        return out;
    }

    private static double[] seconds(long[] nanos) {
        double[] out = new double[nanos.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = nanos[i] / 1e9;
        }
        return out;
    }
}
