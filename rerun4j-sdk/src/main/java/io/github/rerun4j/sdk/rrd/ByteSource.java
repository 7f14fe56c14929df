package io.github.rerun4j.sdk.rrd;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;

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

    protected ByteSource(long startPosition) {
        this.position = startPosition;
    }

    static ByteSource of(SeekableByteChannel channel) throws IOException {
        return new ChannelSource(channel);
    }

    static ByteSource of(InputStream stream) {
        return new StreamSource(stream);
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

    private static final class ChannelSource extends ByteSource {
        private final SeekableByteChannel channel;

        ChannelSource(SeekableByteChannel channel) throws IOException {
            super(channel.position());
            this.channel = channel;
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

        StreamSource(InputStream stream) {
            super(0);
            this.stream = stream;
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
}
