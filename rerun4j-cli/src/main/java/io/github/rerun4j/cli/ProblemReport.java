package io.github.rerun4j.cli;

import io.github.rerun4j.cli.RecordingSummary.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * One stderr line per problem of a scanned file, {@code FILE: byte N: reason}, in the shape compilers use so
 * that editors and scripts can jump to it; the exception's stack trace follows only with {@code --verbose}.
 */
final class ProblemReport {

    private ProblemReport() {
    }

    static void print(RecordingSummary summary, boolean verbose, PrintWriter err) {
        print(summary.file(), summary.problems(), summary.moreProblems(), verbose, err);
    }

    /** The same lines for problems found by another reader (the recording tools' {@link ToolInput}). */
    static void print(Path file, List<Problem> problems, long moreProblems, boolean verbose, PrintWriter err) {
        for (Problem problem : problems) {
            err.println(file + ": byte " + problem.offset() + ": " + problem.reason());
            if (verbose && problem.cause() != null) {
                problem.cause().printStackTrace(err);
            }
        }
        if (moreProblems > 0) {
            err.println(file + ": " + moreProblems + " more problems after these " + problems.size() + " (not listed)");
        }
    }

    static String line(RecordingSummary summary, Problem problem) {
        return summary.file() + ": byte " + problem.offset() + ": " + problem.reason();
    }
}
