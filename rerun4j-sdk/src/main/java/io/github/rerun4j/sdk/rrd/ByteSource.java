package io.github.rerun4j.sdk.rrd;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Forward-only bytes for {@link RrdReader}, from a channel or a stream, with a little push-back (a stream header
 * of a concatenated stream is found inside a 16-byte message header already read) and knowledge of how much is
 * left when the input can tell.
 */
abstract class ByteSource implements Closeable {

    // Below this, a payload of unknown remaining input is read in one go; above, in growing steps (see readPayload).
    private static final int GROWTH_START = 1 << 20;

    private final byte[] pushback = new byte[16];
    private int pushbackLength;
    private long position;
    private final @Nullable FileChannel mapFile;
    private final long mapFrom;

    /**
     * Bytes from {@code startPosition}; payloads of {@code mapFrom} bytes or more are mapped from {@code mapFile}
     * (which holds the same bytes at the same offsets) once it holds them entirely, when it is not null.
     */
    protected ByteSource(long startPosition, @Nullable FileChannel mapFile, long mapFrom) {
        this.position = startPosition;
        this.mapFile = mapFile;
        this.mapFrom = mapFrom;
    }

    static ByteSource of(SeekableByteChannel channel) throws IOException {
        return new ChannelSource(channel, null, Long.MAX_VALUE);
    }

    /**
     * A file whose payloads of {@code mapFrom} bytes or more are mapped into memory rather than read: the chunks
     * decoded from them are views of the file's pages, which the operating system loads on first touch and may
     * drop again, so a recording bigger than the heap fits in it.
     */
    static ByteSource mapping(FileChannel file, long mapFrom) throws IOException {
        return new ChannelSource(file, file, mapFrom);
    }

    static ByteSource of(InputStream stream) {
        return new StreamSource(stream, null, Long.MAX_VALUE);
    }

    /**
     * A stream of the bytes of {@code file} from its start (a file still being written, say), whose payloads of
     * {@code mapFrom} bytes or more are mapped from the file, and skipped in the stream, once the file holds them
     * entirely.
     */
    static ByteSource mapping(InputStream stream, FileChannel file, long mapFrom, long startPosition) {
        return new StreamSource(stream, startPosition, file, mapFrom);
    }

    /**
     * {@code file} from byte {@code at}, read with positioned reads (so several threads may each read their own
     * message of one channel), big payloads mapped; closing the source leaves the file open.
     */
    static ByteSource at(FileChannel file, long at, long mapFrom) {
        return new PositionedSource(file, at, mapFrom);
    }

    /** Offset of the next byte. */
    final long position() {
        return position;
    }

    /** Bytes left before the end of input, or -1 if the input cannot tell. */
    final long remaining() throws IOException {
        long raw = rawRemaining();
        return raw < 0 ? -1 : raw + pushbackLength;
    }

    /** Reads {@code length} bytes, fewer only at the end of input; returns how many were read. */
    final int readUpTo(byte[] destination, int offset, int length) throws IOException {
        int done = Math.min(length, pushbackLength);
        System.arraycopy(pushback, 0, destination, offset, done);
        System.arraycopy(pushback, done, pushback, 0, pushbackLength - done);
        pushbackLength -= done;
        while (done < length) {
            int n = readRaw(destination, offset + done, length - done);
            if (n <= 0) {
                break;
            }
            done += n;
        }
        position += done;
        return done;
    }

    /** Gives back the last bytes read; they are returned again by the next reads. */
    final void unread(byte[] source, int offset, int length) {
        if (length > pushback.length - pushbackLength) {
            throw new IllegalStateException("push-back of " + length + " bytes does not fit");
        }
        System.arraycopy(pushback, 0, pushback, length, pushbackLength);
        System.arraycopy(source, offset, pushback, 0, length);
        pushbackLength += length;
        position -= length;
    }

    /**
     * The next {@code length} bytes as a buffer from index 0 (fewer only at the end of input): mapped from the file
     * when the source maps big payloads ({@link #mapping}) and the file holds them all, else read into an array
     * ({@link #readPayload}).
     */
    final ByteBuffer payload(int length) throws IOException {
        if (mapFile != null && length >= mapFrom && pushbackLength == 0 && mapFile.size() - position >= length) {
            ByteBuffer mapped = map(mapFile, position, length);
            if (mapped != null) {
                skipRaw(length, position);
                position += length;
                return mapped;
            }
        }
        return ByteBuffer.wrap(readPayload(length));
    }

    /**
     * Reads {@code length} bytes into an array of exactly that size (one read for a file); at the end of input,
     * a shorter array. When the input cannot tell its size, the array grows with the data actually read, so a
     * corrupt length never allocates much more than the input holds.
     */
    final byte[] readPayload(int length) throws IOException {
        long remaining = remaining();
        if (remaining >= 0 || length <= GROWTH_START) {
            byte[] out = new byte[(int) (remaining >= 0 ? Math.min(length, remaining) : length)];
            int n = readUpTo(out, 0, out.length);
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
        byte[] out = new byte[GROWTH_START];
        int filled = 0;
        while (filled < length) {
            if (filled == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(length, 2L * out.length));
            }
            int n = readUpTo(out, filled, out.length - filled);
            if (n == 0) {
                break;
            }
            filled += n;
        }
        return filled == out.length ? out : Arrays.copyOf(out, filled);
    }

    /** Reads at most {@code length} raw bytes; 0 or -1 means no more input. */
    protected abstract int readRaw(byte[] destination, int offset, int length) throws IOException;

    /** Raw bytes left, or -1 if unknown. */
    protected abstract long rawRemaining() throws IOException;

    /** Moves past {@code length} raw bytes starting at byte {@code at}, which the file already holds. */
    protected abstract void skipRaw(long length, long at) throws IOException;

    private static final class ChannelSource extends ByteSource {
        private final SeekableByteChannel channel;

        ChannelSource(SeekableByteChannel channel, @Nullable FileChannel mapFile, long mapFrom) throws IOException {
            super(channel.position(), mapFile, mapFrom);
            this.channel = channel;
        }

        @Override
        protected void skipRaw(long length, long at) throws IOException {
            channel.position(channel.position() + length);
        }

        @Override
        protected int readRaw(byte[] destination, int offset, int length) throws IOException {
            // A non-blocking channel may return 0; treating it as the end is what keeps the reader from spinning.
            return channel.read(ByteBuffer.wrap(destination, offset, length));
        }

        @Override
        protected long rawRemaining() throws IOException {
            return Math.max(0, channel.size() - channel.position());
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class StreamSource extends ByteSource {
        private final InputStream stream;

        StreamSource(InputStream stream, @Nullable FileChannel mapFile, long mapFrom) {
            this(stream, 0, mapFile, mapFrom);
        }

        StreamSource(InputStream stream, long startPosition, @Nullable FileChannel mapFile, long mapFrom) {
            super(startPosition, mapFile, mapFrom);
            this.stream = stream;
        }

        @Override
        protected void skipRaw(long length, long at) throws IOException {
            for (long left = length; left > 0; ) {
                long n = stream.skip(left);
                if (n <= 0) {
                    throw new IOException("the file holds the " + length + " bytes from byte " + at
                            + " but its stream ended after " + (length - left) + " of them");
                }
                left -= n;
            }
        }

        @Override
        protected int readRaw(byte[] destination, int offset, int length) throws IOException {
            return stream.read(destination, offset, length);
        }

        @Override
        protected long rawRemaining() {
            return -1;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    private static final class PositionedSource extends ByteSource {
        private final FileChannel file;
        private long next;

        PositionedSource(FileChannel file, long at, long mapFrom) {
            super(at, file, mapFrom);
            this.file = file;
            this.next = at;
        }

        @Override
        protected void skipRaw(long length, long at) {
            next += length;
        }

        @Override
        protected int readRaw(byte[] destination, int offset, int length) throws IOException {
            int n = file.read(ByteBuffer.wrap(destination, offset, length), next);
            if (n > 0) {
                next += n;
            }
            return n;
        }

        @Override
        protected long rawRemaining() throws IOException {
            return Math.max(0, file.size() - next);
        }

        @Override
        public void close() {
            // the caller owns the file
        }
    }

    /** {@code length} bytes of {@code file} from {@code at}, mapped; null when the system has no mapping left. */
    private static @Nullable ByteBuffer map(FileChannel file, long at, int length) {
        try {
            return file.map(FileChannel.MapMode.READ_ONLY, at, length);
        } catch (IOException | OutOfMemoryError e) {
            // Out of mappings or address space ("Map failed"): the payload is read like a small one instead.
            return null;
        }
    }
}
