package io.github.rerun4j.cli;

import io.github.rerun4j.cli.RecordingSummary.Problem;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.types.ErrorText;
import io.github.rerun4j.store.LoadProblem;
import io.github.rerun4j.store.RecordingLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reading side of the recording tools: one input file, message by message, through {@link RecordingLoader}
 * (so they skip and stop where {@code verify} reports), each store info and chunk handed on as it is read and
 * then forgotten. Problems are kept (at most {@value RecordingScanner#MAX_KEPT_PROBLEMS}) for a report in
 * {@code verify}'s words.
 */
final class ToolInput {

    /** Takes each store info and decoded chunk; an {@link IOException} is the output failing. */
    @FunctionalInterface
    interface Handler {
        void accept(LogMessage message, RrdRecord record) throws IOException;
    }

    /** What reading one file found wrong; empty for a sound file. */
    record Result(Path file, List<Problem> problems, long moreProblems) {
        boolean isSound() {
            return problems.isEmpty() && moreProblems == 0;
        }

        /** The problems on {@code err}, as {@code verify} prints them. */
        void report(boolean verbose, PrintWriter err) {
            ProblemReport.print(file, problems, moreProblems, verbose, err);
        }
    }

    private ToolInput() {
    }

    /**
     * Reads {@code file} to its end or to the damage that ends it.
     *
     * @throws IOException      when {@code handler} failed (the output), never for the input: a file that cannot
     *                          be read further is a problem of the result
     * @throws OutOfMemoryError when one message does not fit in the heap (Main says how to give it more)
     */
    static Result read(Path file, ToolProgress progress, Handler handler) throws IOException {
        List<Problem> problems = new ArrayList<>();
        long[] more = {0};
        long[] intactUpTo = {0};
        OutOfMemoryError[] outOfMemory = {null};
        try (RrdReader reader = RrdReader.open(file)) {
            RecordingLoader loader = RecordingLoader.of(reader, file.toString(), new RecordingLoader.Listener() {
                @Override
                public void framed(RrdRecord record) {
                    progress.advance(record.framedLength());
                    intactUpTo[0] = record.offset() + record.framedLength();
                }

                @Override
                public void message(LogMessage message, RrdRecord record) {
                    try {
                        handler.accept(message, record);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void problem(LoadProblem problem) {
                    if (problem.kind() == LoadProblem.Kind.OUT_OF_MEMORY && problem.cause() instanceof OutOfMemoryError e) {
                        outOfMemory[0] = e;
                    } else if (problems.size() < RecordingScanner.MAX_KEPT_PROBLEMS) {
                        problems.add(new Problem(problem.messageOffset(), problem.reason(), problem.cause()));
                    } else {
                        more[0]++;
                    }
                }
            });
            try {
                loader.readAll();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (IOException e) {
                problems.add(new Problem(intactUpTo[0], "cannot read the file: " + ErrorText.describe(e), e));
            }
        }
        if (outOfMemory[0] != null) {
            throw outOfMemory[0];
        }
        return new Result(file, List.copyOf(problems), more[0]);
    }

    /** Prints every damaged input's problems; true when there was any (the command then exits 1). */
    static boolean reportAll(List<Result> results, boolean verbose, PrintWriter err) {
        boolean damaged = false;
        for (Result r : results) {
            if (!r.isSound()) {
                r.report(verbose, err);
                damaged = true;
            }
        }
        return damaged;
    }
}
