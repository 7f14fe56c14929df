package io.github.rerun4j.cli;

import io.github.rerun4j.io.camera.Intrinsics;
import io.github.rerun4j.io.tum.TumSequence;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.types.ErrorText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The writing side of {@code import}: one recording stream to the output file, fed in frame order from
 * {@link OrderedParallel}. The stream writes whole messages as it goes, so when a bad file stops the import
 * the frames before it are already a valid recording, closed (flushed) on the way out.
 */
final class ImportWriter {

    /** What was written, for the summary. */
    record Result(int frames, int colourFrames, double seconds, long bytesRead, long bytesWritten,
                  FrameRecipe.@Nullable Prepared first, List<String> skipped) {
    }

    private final Path out;
    private final ImportCompression compression;
    private final ImportCommand.TimelineKind kind;
    private final String timeline;
    private final @Nullable Intrinsics intrinsics;
    private final boolean scaleIntrinsics;
    private final boolean skipBad;
    private final ImportProgress progress;

    private int written;
    private int colourFrames;
    private int pinholeWidth = -1;
    private int pinholeHeight = -1;
    private FrameRecipe.@Nullable Prepared first;
    private final List<String> skipped = new ArrayList<>();

    ImportWriter(Path out, ImportCompression compression, ImportCommand.TimelineKind kind, String timeline,
                 @Nullable Intrinsics intrinsics, boolean scaleIntrinsics, boolean skipBad, ImportProgress progress) {
        this.out = out;
        this.compression = compression;
        this.kind = kind;
        this.timeline = timeline;
        this.intrinsics = intrinsics;
        this.scaleIntrinsics = scaleIntrinsics;
        this.skipBad = skipBad;
        this.progress = progress;
    }

    Result write(List<FrameRecipe.Frame> frames, FrameRecipe recipe, List<TumSequence.Pose> poses, int threads) {
        RecordingStream stream;
        try {
            // No log_time/log_tick: the import's own timeline is the one to show.
            stream = RecordingStream.builder("rerun4j-import").defaultTimelines(false)
                    .saveTo(out, compression.lz4Messages());
        } catch (UncheckedIOException e) {
            throw ImportCommand.writeFailure(out, e);
        }
        boolean closed = false;
        try {
            for (TumSequence.Pose pose : poses) {
                stream.setTimestampNanos(timeline, pose.nanos());
                stream.log(ImportCommand.CAMERA, pose.toTransform());
            }
            OrderedParallel.run(frames, threads, recipe::prepare, (frame, prepared, failure) -> {
                if (failure != null) {
                    bad(frame, failure);
                } else {
                    log(stream, frame, prepared);
                }
            });
            closed = true;
            stream.close();
        } catch (UncheckedIOException e) {
            throw ImportCommand.writeFailure(out, e);
        } finally {
            progress.finish();
            if (!closed) {
                closeAfterError(stream);
            }
        }
        long size;
        try {
            size = Files.size(out);
        } catch (IOException e) {
            size = 0;
        }
        return new Result(written, colourFrames, progress.seconds(), progress.bytes(), size, first, List.copyOf(skipped));
    }

    private void log(RecordingStream stream, FrameRecipe.Frame frame, FrameRecipe.Prepared p) {
        switch (kind) {
            case SEQUENCE -> stream.setTimeSequence(timeline, frame.time());
            case DURATION -> stream.setDurationNanos(timeline, frame.time());
            case TIMESTAMP -> stream.setTimestampNanos(timeline, frame.time());
        }
        if (intrinsics != null && (p.width() != pinholeWidth || p.height() != pinholeHeight)) {
            stream.log(ImportCommand.CAMERA, pinhole(frame, p.width(), p.height()));
            pinholeWidth = p.width();
            pinholeHeight = p.height();
        }
        stream.log(ImportCommand.DEPTH, p.depth());
        if (p.colour() != null) {
            stream.log(ImportCommand.RGB, p.colour());
            colourFrames++;
        }
        if (first == null) {
            first = p;
        }
        written++;
        progress.frameDone(p.bytes());
    }

    private Pinhole pinhole(FrameRecipe.Frame frame, int width, int height) {
        Intrinsics k = intrinsics;
        if (k.hasSize() && (k.width() != width || k.height() != height)) {
            if (!scaleIntrinsics) {
                throw CliException.usage("the intrinsics (" + k.source() + ") are for " + k.width() + "x" + k.height()
                        + " images but " + frame.depth() + " is " + width + "x" + height
                        + ": give the depth camera's intrinsics, or --scale-intrinsics to scale them");
            }
            double sx = (double) width / k.width();
            double sy = (double) height / k.height();
            return Pinhole.fromIntrinsics(k.fx() * sx, k.fy() * sy, k.cx() * sx, k.cy() * sy, width, height);
        }
        return k.toPinhole(width, height);
    }

    private void bad(FrameRecipe.Frame frame, Exception failure) {
        if (failure instanceof CliException cli) {
            throw cli;
        }
        String reason = reason(frame, failure);
        if (skipBad) {
            skipped.add(reason);
            progress.frameDone(0);
            return;
        }
        throw CliException.badData(reason + "; the " + written + " frame" + (written == 1 ? "" : "s")
                + " before it are in " + out + " (a valid recording); --skip-bad goes on past bad files", failure);
    }

    /** The refusal names the file already; other errors (a missing file, a bad value) get it here. */
    private static String reason(FrameRecipe.Frame frame, Exception e) {
        String message = e.getMessage() == null ? ErrorText.describe(e) : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return e.getMessage() + ": no such file";
        }
        boolean named = message.contains(frame.depth().toString())
                || (frame.colour() != null && message.contains(frame.colour().toString()));
        return named ? message : frame.depth() + ": " + message;
    }

    private static void closeAfterError(RecordingStream stream) {
        try {
            stream.close();
        } catch (RuntimeException e) {
            // the error that stopped the import is the one to report
        }
    }
}
