package io.github.rerun4j.benchmarks;

/**
 * The exit convention of the benchmark programs that {@code benchmarks/run} starts: 0 done (or every target met),
 * 1 a target missed, 2 an error (its stack trace on stderr), so that the script tells a slow result from a broken run.
 */
final class BenchmarkMain {

    /** A benchmark's body: true when its targets are met (or it has none). */
    interface Body {
        boolean run() throws Exception;
    }

    private BenchmarkMain() {
    }

    /** Runs {@code body} and exits with 0, 1 or 2 as above. */
    static void exit(Body body) {
        int status;
        try {
            status = body.run() ? 0 : 1;
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }
}
