package io.github.rerun4j.viewer.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a file that may still be growing, like {@code tail -f}: at the current end a read waits (polling
 * the size) until more bytes are written, so a reader on top never sees a message cut in half. Reads end
 * ({@code -1}) only once {@link #stop()} is called. A file that gets shorter than what was read was replaced
 * or truncated: that is an {@link IOException}, since its old bytes are gone.
 *
 * <pre>{@code
 * TailingInputStream in = TailingInputStream.open(path, 150, waitedMs -> {});
 * LogMessageReader reader = LogMessageReader.of(new BufferedInputStream(in));
 * // another thread: in.stop();
 * }</pre>
 */
final class TailingInputStream extends InputStream {

    /** Told how long a read has been waiting at the end of the file (0 on the first wait). */
    interface WaitListener {
        void waiting(long waitedMillis, long fileSize) throws IOException;
    }

    private final FileChannel channel;
    private final long pollMillis;
    private final WaitListener listener;
    private volatile boolean stopped;
    private volatile boolean endedByStop;

    private TailingInputStream(FileChannel channel, long pollMillis, WaitListener listener) {
        this.channel = channel;
        this.pollMillis = pollMillis;
        this.listener = listener;
    }

    static TailingInputStream open(Path file, long pollMillis, WaitListener listener) throws IOException {
        return new TailingInputStream(FileChannel.open(file, StandardOpenOption.READ), pollMillis, listener);
    }

    /** Makes every read from now on return what is there, then the end of input. */
    void stop() {
        stopped = true;
    }

    /** True once a read ended because of {@link #stop()} (not because of anything in the file). */
    boolean stoppedAtEnd() {
        return endedByStop;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] destination, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long waitStart = -1;
        while (true) {
            int n = channel.read(ByteBuffer.wrap(destination, offset, length));
            if (n > 0) {
                return n;
            }
            long size = channel.size();
            if (size < channel.position()) {
                throw new SourceChangedException("the file shrank from at least " + channel.position() + " to " + size
                        + " bytes while being read: it was truncated or replaced, so following it stops here");
            }
            if (stopped) {
                endedByStop = true;
                return -1;
            }
            long now = System.nanoTime();
            if (waitStart < 0) {
                waitStart = now;
            }
            listener.waiting((now - waitStart) / 1_000_000, size);
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped while waiting for more of the file");
            }
        }
    }

    /** Skips what the file already holds (a payload mapped from it instead of read), without waiting. */
    @Override
    public long skip(long n) throws IOException {
        long here = channel.position();
        long skipped = Math.max(0, Math.min(n, channel.size() - here));
        channel.position(here + skipped);
        return skipped;
    }

    /** The file being followed (payloads already in it are mapped from it). */
    FileChannel channel() {
        return channel;
    }

    /** The file got shorter than what was read: truncated or replaced in place. */
    static final class SourceChangedException extends IOException {
        private static final long serialVersionUID = 1L;

        SourceChangedException(String message) {
            super(message);
        }
    }

    /** Nothing is promised without waiting: lets BufferedInputStream hand over what it has. */
    @Override
    public int available() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        channel.close();
    }
}
