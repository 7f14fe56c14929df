package io.github.rerun4j.viewer.hub;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.types.ErrorText;
import io.github.rerun4j.sdk.rrd.RrdManifest;
import io.github.rerun4j.sdk.rrd.StoreKind;
import io.github.rerun4j.store.ChunkLoader;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.FooterLoader;
import io.github.rerun4j.store.LoadProblem;
import io.github.rerun4j.store.RecordingLoader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads an {@code .rrd} file into a {@link RecordingHub} and keeps reading while it grows, so a file another
 * process is still writing shows up live. Messages are read in order, each exactly once, by the same
 * {@link RecordingLoader} every reader uses, one {@link RecordingLoader#step()} at a time: the reader sits on a
 * {@link TailingInputStream}, which makes a message that is only partly written wait for its remaining bytes.
 *
 * <p>Problems go to the page, never to a log: a message that does not decode is skipped (as Rerun does) and
 * reported; damaged framing is reported and ends the following, since nothing after it can be trusted; bytes
 * at the end that stay an incomplete message for {@value #INCOMPLETE_AFTER_MS} ms are reported as such (and
 * the report goes away if the message is completed later). Running out of memory is reported too and ends
 * the following; it never leaves a dead thread behind a file that shows nothing.
 *
 * <pre>{@code
 * try (FileFollower follower = FileFollower.start(Path.of("live.rrd"), hub)) {
 *     follower.awaitCaughtUp(10, TimeUnit.SECONDS);
 * }
 * }</pre>
 */
public final class FileFollower implements AutoCloseable {

    /** How often the file's size is checked while waiting for more. */
    static final long POLL_MS = 100;
    /** How long bytes may stay an incomplete message before the page says so. */
    static final long INCOMPLETE_AFTER_MS = 1000;

    private static final int STREAM_HEADER_BYTES = 12;
    private static final int FOOTER_TRAILER_BYTES = 32;

    private final Path file;
    private final String source;
    private final String fileName;  // what problems shown in the page start with
    private final RecordingHub hub;
    private final TailingInputStream tail;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    // Written by the reading thread only.
    private long consumed;       // bytes the reader has taken: the end of the last whole message
    private boolean lastWasEnd;  // an End message may be followed by its 32-byte footer trailer
    private StoreId current;     // problems belong to the recording being read when they occur
    private LoadProblem endedBy; // the problem that ended reading, if one did
    private boolean incompleteReported;
    private volatile String footerNotice;  // why the file's footer was not used, until a recording is known
    private volatile long messages;

    private FileFollower(Path file, RecordingHub hub) throws IOException {
        this.file = file;
        this.source = file.toString();
        this.fileName = HubListener.fileName(source);
        this.hub = hub;
        this.tail = TailingInputStream.open(file, POLL_MS, this::waitingAtEnd);
        this.thread = new Thread(this::run, "rerun4j-follow " + file.getFileName());
        thread.setDaemon(true);
    }

    /**
     * Starts reading {@code file} in a background thread.
     *
     * @throws IOException if the file cannot be opened
     */
    public static FileFollower start(Path file, RecordingHub hub) throws IOException {
        FileFollower follower = new FileFollower(file, hub);
        follower.thread.start();
        return follower;
    }

    public Path file() {
        return file;
    }

    /** Messages read so far (including ones that did not decode). */
    public long messages() {
        return messages;
    }

    /**
     * Waits until everything the file held when it was opened has been read (the reader first had to wait
     * for more bytes), or until following ended.
     *
     * @return false on timeout
     */
    public boolean awaitCaughtUp(long timeout, TimeUnit unit) throws InterruptedException {
        return caughtUp.await(timeout, unit);
    }

    /** True once following ended: stopped, or the file was damaged, truncated or unreadable. */
    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    /** Stops following: what was read stays in the hub. Waits briefly for the reading thread to end. */
    @Override
    public void close() {
        tail.stop();
        try {
            if (!finished.await(2, TimeUnit.SECONDS)) {
                thread.interrupt();
                finished.await(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        CountingStream counted = new CountingStream(new BufferedInputStream(tail, 1 << 16));
        try {
            Feed feed = new Feed(HubListener.of(hub, source));
            long from = openByFooter(feed);
            counted.count = from;
            consumed = from;
            try (RrdReader reader = RrdReader.mapping(counted, tail.channel(), from)) {
                follow(RecordingLoader.of(reader, source, feed), counted);
            }
        } catch (InterruptedIOException e) {
            // close() gave up waiting politely
        } catch (TailingInputStream.SourceChangedException e) {
            hub.sourceChanged(source, fileName + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            hub.addProblem(current, source, fileName + ": reading stopped at byte " + consumed + ": "
                    + ErrorText.describe(e));
        } catch (OutOfMemoryError e) {
            // The loader reports running out of memory inside a message; this catches it anywhere else, so the
            // page shows why the file stopped growing instead of a follower that silently died.
            hub.stop(current, source, fileName + ": out of memory at byte " + consumed + " (this JVM may use "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB; give it more with -Xmx); following stopped");
        } catch (Error e) {
            // Any other Error (a stack overflow on strange input, say) must not leave a silent, dead follower.
            hub.stop(current, source, fileName + ": reading stopped at byte " + consumed + ": " + ErrorText.describe(e));
        } finally {
            caughtUp.countDown();
            finished.countDown();
            try {
                tail.close();
            } catch (IOException ignored) {
                // a read-only channel has nothing to flush
            }
        }
    }

    /**
     * Opens the file by its footer when it has a usable one ({@link FooterLoader}): its chunks are announced to
     * their stores, which read each when a query needs it, so the first frame of a 20 GB file is served at once;
     * then every chunk is read in the background, in file order, as reading message by message would have done.
     * Returns where reading message by message goes on: the end of the footer, or 0.
     */
    private long openByFooter(Feed feed) throws IOException {
        FooterLoader.Opened opened = FooterLoader.open(tail.channel(), source, feed);
        if (!opened.used()) {
            footerNotice = opened.unusable() == null ? null
                    : fileName + ": " + opened.unusable() + "; it was read message by message instead";
            return 0;
        }
        current = feed.lastStore;
        for (ChunkStore store : feed.announcedTo) {
            store.loadPending();
        }
        tail.channel().position(opened.resumeAt());
        return opened.resumeAt();
    }

    private void follow(RecordingLoader loader, CountingStream counted) throws IOException {
        while (loader.step()) {
            current = loader.currentStore();
            messageDone(counted);
        }
        current = loader.currentStore();
        messageDone(counted);
        if (!tail.stoppedAtEnd() && endedBy != null && endedBy.kind() != LoadProblem.Kind.OUT_OF_MEMORY) {
            hub.addProblem(current, source, fileName + ": following stopped: nothing after the damaged framing at byte "
                    + endedBy.messageOffset() + " can be read");
        }
    }

    /** The loader's results into the hub, minus what close() causes; notes what the incomplete notice needs. */
    private final class Feed implements RecordingLoader.Listener {
        private final HubListener hubListener;
        private final java.util.List<ChunkStore> announcedTo = new java.util.ArrayList<>();
        private volatile StoreId lastStore;

        Feed(HubListener hubListener) {
            this.hubListener = hubListener;
        }

        @Override
        public void framed(RrdRecord record) {
            messages++;
            lastWasEnd = record.message() instanceof RrdMessage.End;
        }

        @Override
        public void message(LogMessage message, RrdRecord record) {
            hubListener.message(message, record);
            if (message.storeId().kind() == StoreKind.RECORDING) {
                lastStore = message.storeId();
                if (footerNotice != null) {
                    // Said once the file's first recording is known, so that it shows there, not on a stand-in.
                    hub.addProblem(lastStore, source, footerNotice);
                    footerNotice = null;
                }
            }
        }

        @Override
        public void announced(RrdManifest manifest, ChunkLoader loader) {
            hub.announce(manifest, source, loader).ifPresent(announcedTo::add);
        }

        @Override
        public void problem(LoadProblem problem) {
            if (problem.endedReading() && tail.stoppedAtEnd()) {
                return;  // stop() cut a message that was still being written: not damage
            }
            if (problem.endedReading()) {
                endedBy = problem;
            }
            hubListener.problem(problem);
        }
    }

    private void messageDone(CountingStream counted) {
        consumed = counted.count();
        if (incompleteReported) {
            incompleteReported = false;
            hub.setIncomplete(current, source, null);
        }
    }

    /** Called by the tailing stream each time the reader waits at the end of the file. */
    private void waitingAtEnd(long waitedMillis, long fileSize) {
        caughtUp.countDown();
        long pending = fileSize - consumed;
        boolean onlyFraming = pending == STREAM_HEADER_BYTES || (lastWasEnd && pending <= FOOTER_TRAILER_BYTES + STREAM_HEADER_BYTES);
        if (pending > 0 && !onlyFraming && waitedMillis >= INCOMPLETE_AFTER_MS && !incompleteReported) {
            incompleteReported = true;
            hub.setIncomplete(current, source, fileName + ": the last " + pending + " bytes (from byte " + consumed
                    + ") are not a whole message yet: the file is cut off, or still being written (waiting for the rest)");
        }
    }

    /** Counts the bytes the reader takes, so the end of the last whole message is known. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
