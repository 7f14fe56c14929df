package io.github.rerun4j.sdk.sink;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.types.ErrorText;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Sends every message to several sinks (a file and a live viewer at once, as Rerun 0.36's multi-sink streams),
 * each on its own: a sink that fails does not stop the others, and it does not lose what it missed while the
 * failure lasts.
 *
 * <p><b>A failing sink.</b> A message a sink refuses is kept in that sink's backlog (at most
 * {@code backlogLimit} messages) and sent to it again, in order, before the next message; the other sinks have
 * it already, so the batcher must not send it again and {@link #send} does not throw. The failure is reported
 * instead: to the {@code onFailure} listener (by default one line on standard error when a sink starts failing,
 * loses messages or recovers), and by {@link #flush()} and {@link #close()}, which throw while a sink still owes
 * messages or has lost some since the last report. When a backlog is full its oldest message is dropped and
 * counted as lost. Only when <em>no</em> sink took a message does {@code send} throw (and no backlog keeps it),
 * so the batcher's usual retry applies.
 *
 * <pre>{@code
 * Sink both = TeeSink.of(FileSink.create(Path.of("depth.rrd")), StreamSink.stdout());
 * try (RecordingStream rec = RecordingStream.builder("app").sink(both)) {
 *     rec.log("depth", DepthImage.fromU16(pixels, 300, 200));
 * }
 * }</pre>
 */
public final class TeeSink implements Sink {

    /** Default number of messages kept for a failing sink. */
    public static final int DEFAULT_BACKLOG_LIMIT = 256;

    /**
     * What {@code onFailure} is told: {@code sink} failed with {@code error}; it owes {@code backlog} messages and
     * has lost {@code lost} in all. A null error means the sink recovered: its backlog is delivered.
     */
    public record Failure(Sink sink, @Nullable IOException error, int backlog, long lost) {
        /** Rejects a null sink. */
        public Failure {
            Objects.requireNonNull(sink, "sink");
        }
    }

    private static final class Branch {
        final Sink sink;
        final ArrayDeque<LogMessage> backlog = new ArrayDeque<>();
        long lost;
        long lostUnreported;
        @Nullable IOException lastError;

        Branch(Sink sink) {
            this.sink = sink;
        }
    }

    private final List<Branch> branches = new ArrayList<>();
    private final int backlogLimit;
    private final Consumer<Failure> onFailure;
    private boolean closed;

    private TeeSink(List<Sink> sinks, int backlogLimit, Consumer<Failure> onFailure) {
        if (sinks == null || sinks.isEmpty()) {
            throw new IllegalArgumentException("sinks: expected at least one sink");
        }
        if (backlogLimit < 1) {
            throw new IllegalArgumentException("backlogLimit: " + backlogLimit + ", expected at least 1");
        }
        for (Sink s : sinks) {
            branches.add(new Branch(Objects.requireNonNull(s, "sinks contains null")));
        }
        this.backlogLimit = backlogLimit;
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Every sink, a backlog of {@link #DEFAULT_BACKLOG_LIMIT} each, failures reported on standard error. */
    public static TeeSink of(Sink... sinks) {
        return new TeeSink(List.of(sinks), DEFAULT_BACKLOG_LIMIT, TeeSink::printToStderr);
    }

    /** Every sink, with {@code backlogLimit} messages kept for a failing one, failures told to {@code onFailure}. */
    public static TeeSink of(List<Sink> sinks, int backlogLimit, Consumer<Failure> onFailure) {
        return new TeeSink(List.copyOf(sinks), backlogLimit, onFailure);
    }

    /** The sinks, in the order they are sent to. */
    public List<Sink> sinks() {
        return branches.stream().map(b -> b.sink).toList();
    }

    @Override
    public synchronized void send(LogMessage message) throws IOException {
        if (closed) {
            throw new IOException("TeeSink is closed");
        }
        List<Branch> refused = new ArrayList<>();
        for (Branch b : branches) {
            if (!deliver(b, message)) {
                refused.add(b);
            }
        }
        if (refused.size() == branches.size()) {
            // Nobody has it: the batcher sends it again, so no backlog keeps it (that would duplicate it).
            IOException all = new IOException("every sink failed: " + describe(refused));
            for (Branch b : refused) {
                b.backlog.pollLast();
                if (b.lastError != null) {
                    all.addSuppressed(b.lastError);
                }
            }
            throw all;
        }
        for (Branch b : refused) {
            report(b);
        }
    }

    /** Sends the branch's backlog, then {@code message}; false (message kept in the backlog) when the sink fails. */
    private boolean deliver(Branch b, LogMessage message) {
        boolean hadBacklog = !b.backlog.isEmpty();
        if (hadBacklog && !drain(b)) {
            keep(b, message);
            return false;
        }
        try {
            b.sink.send(message);
        } catch (IOException | RuntimeException e) {
            b.lastError = asIo(b, e);
            keep(b, message);
            return false;
        }
        if (hadBacklog) {
            recovered(b);
        }
        return true;
    }

    private boolean drain(Branch b) {
        while (!b.backlog.isEmpty()) {
            try {
                b.sink.send(b.backlog.peekFirst());
            } catch (IOException | RuntimeException e) {
                b.lastError = asIo(b, e);
                return false;
            }
            b.backlog.pollFirst();
        }
        return true;
    }

    private void keep(Branch b, LogMessage message) {
        b.backlog.addLast(message);
        while (b.backlog.size() > backlogLimit) {
            b.backlog.pollFirst();
            b.lost++;
            b.lostUnreported++;
        }
    }

    private void report(Branch b) {
        if (b.backlog.size() == 1 || b.lostUnreported > 0 && b.backlog.size() == backlogLimit) {
            onFailure.accept(new Failure(b.sink, b.lastError, b.backlog.size(), b.lost));
        }
    }

    private void recovered(Branch b) {
        onFailure.accept(new Failure(b.sink, null, 0, b.lost));
        b.lastError = null;
    }

    @Override
    public synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        List<String> problems = new ArrayList<>();
        @Nullable IOException first = null;
        for (Branch b : branches) {
            boolean hadBacklog = !b.backlog.isEmpty();
            try {
                if (drain(b)) {
                    if (hadBacklog) {
                        recovered(b);
                    }
                    b.sink.flush();
                }
            } catch (IOException | RuntimeException e) {
                b.lastError = asIo(b, e);
            }
            String problem = problem(b);
            if (problem != null) {
                problems.add(problem);
                first = first == null ? b.lastError : first;
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException("flush incomplete: " + String.join("; ", problems), first);
        }
    }

    /** What a branch owes or lost since the last report (and resets the lost count), or null when it is whole. */
    private static @Nullable String problem(Branch b) {
        if (b.backlog.isEmpty() && b.lostUnreported == 0) {
            return null;
        }
        String text = b.sink + " owes " + b.backlog.size() + " message(s)"
                + (b.lostUnreported > 0 ? " and lost " + b.lostUnreported : "")
                + (b.lastError != null ? " (" + b.lastError.getMessage() + ")" : "");
        b.lostUnreported = 0;
        return text;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        List<String> problems = new ArrayList<>();
        @Nullable IOException first = null;
        for (Branch b : branches) {
            drain(b);
            try {
                b.sink.close();
            } catch (IOException | RuntimeException e) {
                IOException error = asIo(b, e);
                b.lastError = error;
                problems.add(b.sink + " failed to close (" + error.getMessage() + ")");
                first = first == null ? error : first;
            }
            String problem = problem(b);
            if (problem != null) {
                problems.add(problem.replace(" owes ", " never got "));
                first = first == null ? b.lastError : first;
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException("closing: " + String.join("; ", problems), first);
        }
    }

    private static IOException asIo(Branch b, Exception e) {
        return e instanceof IOException io ? io : new IOException(b.sink + ": " + ErrorText.describe(e), e);
    }

    private static String describe(List<Branch> branches) {
        List<String> parts = new ArrayList<>();
        for (Branch b : branches) {
            parts.add(b.sink + " (" + (b.lastError != null ? b.lastError.getMessage() : "?") + ")");
        }
        return String.join("; ", parts);
    }

    private static void printToStderr(Failure f) {
        IOException error = f.error();
        String what = error == null
                ? "recovered; every kept message delivered" + (f.lost() > 0 ? " (" + f.lost() + " lost before)" : "")
                : "failed: " + error.getMessage() + "; " + f.backlog() + " message(s) kept for it"
                        + (f.lost() > 0 ? ", " + f.lost() + " lost" : "") + "; the other sinks go on";
        System.err.println("rerun4j: sink " + f.sink() + " " + what);
    }

    @Override
    public String toString() {
        return "TeeSink" + sinks();
    }
}
