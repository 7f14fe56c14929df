package io.github.rerun4j.sdk;

import io.github.rerun4j.sdk.internal.batch.Batcher;
import io.github.rerun4j.sdk.types.ErrorText;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes what open recording streams still hold when the JVM exits in an orderly way (the end of {@code main},
 * {@code System.exit}, Ctrl-C / SIGINT, SIGTERM): one shutdown hook for the whole JVM, added with the first
 * stream, closes every stream registered and not yet closed. A stream registers when it is built (unless the
 * builder opted out) and deregisters when it is closed, so closed streams are not kept alive by the registry.
 * A stream that is never closed stays registered until exit: that is the stream whose rows the hook is for.
 * SIGKILL and crashes run no hook; see {@link io.github.rerun4j.sdk.batch.BatcherConfig} for what they lose.
 *
 * <p>The hook waits at most {@link #LIMIT_MS} for the streams: a sink that blocks forever (a stalled network
 * share, a thread stuck inside {@code send}) must not keep the JVM from exiting.
 */
final class ExitFlush {

    /** Open streams' batchers, with the recording id for messages. */
    private static final Map<Batcher, String> OPEN = new ConcurrentHashMap<>();
    static final long LIMIT_MS = 10_000;
    private static boolean hookAdded;

    private ExitFlush() {
    }

    static void register(Batcher batcher, String recordingId) {
        addHookOnce();
        OPEN.put(batcher, recordingId);
    }

    static void deregister(Batcher batcher) {
        OPEN.remove(batcher);
    }

    /** How many streams the hook would close now (for tests). */
    static int registered() {
        return OPEN.size();
    }

    private static synchronized void addHookOnce() {
        if (hookAdded) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(ExitFlush::closeAllWithinLimit, "rerun4j-exit-flush"));
            hookAdded = true;
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting: a stream built now gets no exit flush; its own close() still writes.
        } catch (SecurityException denied) {
            // A sandbox that forbids hooks: streams still write on close(), as without this class.
        }
    }

    private static void closeAllWithinLimit() {
        // The closing runs in a daemon thread so that the hook can stop waiting for it; the JVM halts after the
        // hooks whatever daemon threads still do.
        Thread closer = new Thread(ExitFlush::closeAll, "rerun4j-exit-flush-closer");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(LIMIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            System.err.println("rerun4j: " + OPEN.size() + " recording(s) still writing after " + LIMIT_MS
                    + " ms at exit (a sink is blocked); their pending rows are lost");
        }
    }

    private static void closeAll() {
        for (Map.Entry<Batcher, String> open : OPEN.entrySet()) {
            try {
                open.getKey().close();
            } catch (IOException | RuntimeException e) {
                // No caller is left to throw to; stderr is the one place the user can still read it.
                System.err.println("rerun4j: recording " + open.getValue() + " at exit: " + ErrorText.describe(e));
            }
            OPEN.remove(open.getKey());
        }
    }
}
