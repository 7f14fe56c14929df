package io.github.rerun4j.cli;

import io.github.rerun4j.io.camera.Intrinsics;
import io.github.rerun4j.io.depth.Disparity;
import io.github.rerun4j.io.tum.TumSequence;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The summary {@code import} prints on stdout when it is done: what was written, in which unit and on which
 * timeline, the camera and where its numbers came from, what was left out and why.
 */
final class ImportSummary {

    private ImportSummary() {
    }

    static void print(PrintWriter o, Path out, ImportWriter.Result r, int threads, Intrinsics intrinsics,
                      TumSequence sequence, int unpaired, double maxDifference, String timelineName,
                      ImportCommand.TimelineKind kind, ImportCompression compression, boolean decodeColour,
                      Disparity disparity) {
        o.printf(Locale.ROOT, "Wrote %s: %d frame%s in %.1f s (%.1f frames/s, %d thread%s), %.1f MB read, %.1f MB written%n",
                out, r.frames(), r.frames() == 1 ? "" : "s", r.seconds(), r.frames() / Math.max(r.seconds(), 1e-9),
                threads, threads == 1 ? "" : "s", r.bytesRead() / 1e6, r.bytesWritten() / 1e6);
        if (r.first() != null) {
            FrameRecipe.Prepared p = r.first();
            o.printf(Locale.ROOT, "  depth: %dx%d %s, meter %s = %s, --compress %s -> %s%n", p.width(), p.height(), p.datatype(),
                    number(p.meter()), p.unitName(), compression.label(), ImportCommand.DEPTH);
            if (p.datatype() == ChannelDatatype.U8 && p.unitName().contains("default")) {
                o.println("  note: 8-bit depth is usually a quantised visualisation, not metric; give --depth-unit or "
                        + "--depth-scale if it is metric");
            }
        }
        if (disparity != null) {
            o.println("  disparity: depth = " + number(disparity.baseline()) + " m x " + number(disparity.focal())
                    + " px / (d / " + number(disparity.unitsPerPixel()) + " + " + number(disparity.doffs()) + " px)");
        }
        o.println("  timeline: " + timelineName + " (" + kind.name().toLowerCase(Locale.ROOT) + ")");
        if (intrinsics != null) {
            o.println("  camera: " + intrinsics.describe() + " from " + intrinsics.source() + " -> " + ImportCommand.CAMERA);
            for (String w : intrinsics.warnings()) {
                o.println("  note: " + w);
            }
        } else {
            o.println("  camera: none (2D only); give --intrinsics FILE or --fx --fy --cx --cy for the 3D view");
        }
        if (r.colourFrames() > 0) {
            o.println("  colour: " + r.colourFrames() + " frames (" + (decodeColour ? "decoded pixels, Image"
                    : "the files' bytes, EncodedImage") + ") -> " + ImportCommand.RGB);
        }
        if (unpaired > 0) {
            o.println("  unpaired: " + unpaired + " depth frames had no colour image within " + maxDifference + " s");
        }
        if (sequence != null) {
            o.println("  poses: " + sequence.poses().size() + " from groundtruth.txt (Transform3D) -> " + ImportCommand.CAMERA);
            if (sequence.unpaired() > 0) {
                o.println("  unpaired: " + sequence.unpaired() + " depth frames had no colour image within 20 ms");
            }
        }
        if (!r.skipped().isEmpty()) {
            o.println("  skipped " + r.skipped().size() + ":");
            for (String skipped : r.skipped()) {
                o.println("    " + skipped);
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
