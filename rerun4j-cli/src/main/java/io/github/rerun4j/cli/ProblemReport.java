package io.github.rerun4j.cli;

import io.github.rerun4j.cli.RecordingSummary.Problem;
import java.io.PrintWriter;

/**
 * One stderr line per problem of a scanned file, {@code FILE: byte N: reason}, in the shape compilers use so
 * that editors and scripts can jump to it; the exception's stack trace follows only with {@code --verbose}.
 */
final class ProblemReport {

    private ProblemReport() {
    }

    static void print(RecordingSummary summary, boolean verbose, PrintWriter err) {
        for (Problem problem : summary.problems()) {
            err.println(line(summary, problem));
            if (verbose && problem.cause() != null) {
                problem.cause().printStackTrace(err);
            }
        }
        if (summary.moreProblems() > 0) {
            err.println(summary.file() + ": " + summary.moreProblems() + " more problems after these "
                    + summary.problems().size() + " (not listed)");
        }
    }

    static String line(RecordingSummary summary, Problem problem) {
        return summary.file() + ": byte " + problem.offset() + ": " + problem.reason();
    }
}
