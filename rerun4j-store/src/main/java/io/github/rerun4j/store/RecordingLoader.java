package io.github.rerun4j.store;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.github.rerun4j.sdk.rrd.RrdFormatException;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.types.ErrorText;
import java.io.IOException;
import java.util.Objects;

/**
 * The one loop that reads an {@code .rrd} input into recordings: every caller that turns a file into stores
 * ({@link Recordings#load}, the viewer's load and file following, the CLI's {@code print} and {@code verify})
 * goes through it, so they agree on what is skipped, what ends a file and how a problem is worded.
 *
 * <p>Leniency is Rerun's viewer's: a message whose chunk does not decode is skipped and reported
 * ({@link LoadProblem.Kind#SKIPPED}); damaged framing ends the input ({@link LoadProblem.Kind#DAMAGED}), as does
 * an input that stops inside a message ({@link LoadProblem.Kind#CUT_OFF}); messages without data (the End
 * marker and its footer, blueprint activation) reach {@link Listener#framed} only. An {@link OutOfMemoryError}
 * while reading a message is reported ({@link LoadProblem.Kind#OUT_OF_MEMORY}) and ends reading instead of
 * escaping, so one huge message cannot silently kill a reading thread.
 *
 * <p>Whole files use {@link #readAll()}; a tailing stream calls {@link #step()} for one message at a time.
 * Not thread-safe: one thread drives a loader.
 *
 * <pre>{@code
 * try (RrdReader reader = RrdReader.open(path)) {
 *     RecordingLoader.of(reader, path.toString(), new RecordingLoader.Listener() {
 *         @Override
 *         public void message(LogMessage message, RrdRecord record) {
 *             System.out.println(message.storeId());
 *         }
 *
 *         @Override
 *         public void problem(LoadProblem problem) {
 *             System.err.println(problem.describe());
 *         }
 *     }).readAll();
 * }
 * }</pre>
 */
public final class RecordingLoader {

    /** Receives what the loop reads, on the thread that drives it. */
    public interface Listener {
        /** Every framed message, decoded or not, before its chunk is decoded (for counting; End markers too). */
        default void framed(RrdRecord record) {
        }

        /**
         * Whether to decode {@code record} at all, asked after {@link #framed} and before any decoding: false
         * skips the message silently (not a problem). A reader that knows from the file's footer which chunks
         * it needs ({@link io.github.rerun4j.sdk.rrd.RrdManifest.Entry#byteOffset()} is
         * {@code record.offset() + 16}) leaves the others undecoded. Default: every message.
         */
        default boolean wanted(RrdRecord record) {
            return true;
        }

        /** A store info or a decoded chunk. */
        void message(LogMessage message, RrdRecord record);

        /**
         * The chunks of a footer's manifest, announced by {@link FooterLoader} instead of read: a listener that
         * keeps a {@link ChunkStore} hands them to {@link ChunkStore#addPending}, which has {@code loader} read
         * each when a query needs it ({@code loader} then calls {@link #message} or {@link #problem}, from the
         * querying thread). Default: every chunk is read now.
         */
        default void announced(RrdManifest manifest, ChunkLoader loader) {
            manifest.chunks().forEach(loader::load);
        }

        /** A skipped message, or the reason reading ended. */
        void problem(LoadProblem problem);
    }

    private final RrdReader reader;
    private final String source;
    private final Listener listener;
    private StoreId current;
    private long messages;
    private long intactUpTo;
    private boolean done;

    private RecordingLoader(RrdReader reader, String source, Listener listener) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * A loop over {@code reader}, naming {@code source} (a file path, say) in every problem.
     * The caller keeps ownership of the reader and closes it.
     */
    public static RecordingLoader of(RrdReader reader, String source, Listener listener) {
        return new RecordingLoader(reader, source, listener);
    }

    /** Reads to the end of the input, or to the problem that ends it. */
    public void readAll() throws IOException {
        while (step()) {
            // each step reads one message
        }
    }

    /**
     * Reads one message and hands it (or its problem) to the listener.
     *
     * @return false once nothing more can be read: the end of the input, or a problem that ended it
     * @throws IOException only when the input itself fails to read (damaged content is a {@link LoadProblem})
     */
    public boolean step() throws IOException {
        if (done) {
            return false;
        }
        RrdRecord record;
        try {
            record = reader.next();
        } catch (RrdFormatException e) {
            done = true;
            listener.problem(framingProblem(e));
            return false;
        } catch (OutOfMemoryError e) {
            done = true;
            listener.problem(outOfMemory("the message after byte " + intactUpTo, intactUpTo, e));
            return false;
        } catch (RuntimeException e) {
            // A reader bug on strange input must still be one problem, not a crash; the reader's state is
            // unknown after it, so reading ends.
            done = true;
            listener.problem(new LoadProblem(source, current, intactUpTo, intactUpTo, LoadProblem.Kind.DAMAGED,
                    "the message after byte " + intactUpTo + ": unexpected " + ErrorText.describe(e), e));
            return false;
        }
        if (record == null) {
            done = true;
            return false;
        }
        messages++;
        intactUpTo = record.offset() + record.framedLength();
        try {
            listener.framed(record);
            if (!listener.wanted(record)) {
                return true;
            }
            LogMessage message = decode(record);
            if (message != null) {
                current = message.storeId();
                listener.message(message, record);
            }
        } catch (OutOfMemoryError e) {
            done = true;
            listener.problem(outOfMemory("message " + messages + " at byte " + record.offset(), record.offset(), e));
            return false;
        }
        return true;
    }

    /** The store the last message named (problems belong to it), or null before any. */
    public StoreId currentStore() {
        return current;
    }

    /** Framed messages read so far, including ones that did not decode. */
    public long messages() {
        return messages;
    }

    private LogMessage decode(RrdRecord record) {
        try {
            return LogMessageCodec.decode(record);
        } catch (RrdFormatException e) {
            listener.problem(new LoadProblem(source, current, e.offset(), e.messageOffset(), LoadProblem.Kind.SKIPPED,
                    e.getMessage(), e));
        } catch (RuntimeException e) {
            // A decoder bug on strange input must still be one problem of this message, not a crash of the caller.
            listener.problem(new LoadProblem(source, current, record.offset(), record.offset(), LoadProblem.Kind.SKIPPED,
                    record.message().getClass().getSimpleName() + " message at byte " + record.offset() + ": unexpected "
                            + ErrorText.describe(e), e));
        }
        return null;
    }

    private LoadProblem framingProblem(RrdFormatException e) {
        if (!e.endsInside()) {
            return new LoadProblem(source, current, e.offset(), e.messageOffset(), LoadProblem.Kind.DAMAGED, e.getMessage(), e);
        }
        String reason = "cut off mid-write: the file ends inside message " + (messages + 1) + ", which starts at byte "
                + e.messageOffset() + " (" + e.getMessage() + "); the " + messages + " messages before it are intact";
        return new LoadProblem(source, current, e.offset(), e.messageOffset(), LoadProblem.Kind.CUT_OFF, reason, e);
    }

    private LoadProblem outOfMemory(String what, long at, OutOfMemoryError e) {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        return new LoadProblem(source, current, at, at, LoadProblem.Kind.OUT_OF_MEMORY, "out of memory reading " + what
                + " (this JVM may use " + maxMb + " MB; give it more with -Xmx); nothing after it was read", e);
    }
}
