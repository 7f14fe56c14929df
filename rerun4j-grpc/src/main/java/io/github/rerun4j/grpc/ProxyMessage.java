package io.github.rerun4j.grpc;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One proxy message's bytes (a {@code WriteMessagesRequest} or {@code ReadMessagesResponse}: the same bytes, see
 * {@link LogMsgCodec}), never modified once built, shared by the history and every reader, as a list of segments.
 *
 * <p>Segments spare the copies a 600 KB depth frame would otherwise take on its way: a sender's message
 * ({@link #wrap}) is the encoder's own buffers behind a protobuf prefix, streamed to the transport as they are;
 * a message received or kept in the history ({@link #read}, {@link #copy}) is read straight into segments of at
 * most {@value #SEGMENT_BYTES} bytes. Those stay ordinary heap objects: a frame in one array is a humongous object
 * for G1 when regions are small, which gives it whole regions (the history then took 1.7 times its size in heap,
 * 1.76 GB for a 1 GiB limit after 10 minutes at 30 fps).
 */
final class ProxyMessage {

    static final int SEGMENT_BYTES = 256 * 1024;

    /**
     * {@code WriteMessages} over proxy messages: a client streams its requests without joining them, a server reads
     * them straight into segments.
     */
    static final MethodDescriptor<ProxyMessage, byte[]> WRITE_MESSAGES = ProxyProtocol.WRITE_MESSAGES.toBuilder(
            Marshaller.INSTANCE, ProxyProtocol.WRITE_MESSAGES.getResponseMarshaller()).build();

    /** Server side: {@code ReadMessages} whose responses are proxy messages, streamed segment by segment. */
    static final MethodDescriptor<byte[], ProxyMessage> READ_MESSAGES = ProxyProtocol.READ_MESSAGES.toBuilder(
            ProxyProtocol.READ_MESSAGES.getRequestMarshaller(), Marshaller.INSTANCE).build();

    /** Each from index 0 to its limit; nobody moves or writes them after construction. */
    private final ByteBuffer[] segments;
    private final int length;

    private ProxyMessage(ByteBuffer[] segments) {
        this.segments = segments;
        long total = 0;
        for (ByteBuffer s : segments) {
            total += s.remaining();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a proxy message of " + total + " bytes is too large for gRPC");
        }
        this.length = (int) total;
    }

    /** {@code bytes} as a proxy message: kept as it is when small, copied into segments when large. */
    static ProxyMessage of(byte[] bytes) {
        return bytes.length <= SEGMENT_BYTES ? new ProxyMessage(new ByteBuffer[] {ByteBuffer.wrap(bytes)})
                : copyOf(ByteBuffer.wrap(bytes));
    }

    /** The bytes of {@code parts}, in order, without copying: the parts must not change while the message lives. */
    static ProxyMessage wrap(ByteBuffer... parts) {
        ByteBuffer[] views = new ByteBuffer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            views[i] = parts[i].slice();
        }
        return new ProxyMessage(views);
    }

    /** This message's bytes in segments of a new message's own: what the history keeps of a sender's message. */
    ProxyMessage copy() {
        return copyOf(segments);
    }

    private static ProxyMessage copyOf(ByteBuffer... parts) {
        long total = 0;
        for (ByteBuffer p : parts) {
            total += p.remaining();
        }
        List<ByteBuffer> out = new ArrayList<>();
        ByteBuffer current = null;
        for (ByteBuffer part : parts) {
            ByteBuffer from = part.duplicate();
            while (from.hasRemaining()) {
                if (current == null || !current.hasRemaining()) {
                    current = ByteBuffer.allocate((int) Math.min(SEGMENT_BYTES, total));
                    total -= current.capacity();
                    out.add(current);
                }
                int n = Math.min(from.remaining(), current.remaining());
                ByteBuffer piece = from.slice();
                piece.limit(n);
                current.put(piece);
                from.position(from.position() + n);
            }
        }
        for (ByteBuffer s : out) {
            s.flip();
        }
        return new ProxyMessage(out.toArray(new ByteBuffer[0]));
    }

    /**
     * Reads a whole message from a transport's message stream into segments. gRPC's and Armeria's message streams
     * know their length ({@code available()}), so the segments are sized at once; whatever a stream did not
     * announce is read after, in segments trimmed to what came (a small message never holds a whole segment).
     */
    static ProxyMessage read(InputStream in) throws IOException {
        List<ByteBuffer> out = new ArrayList<>();
        for (int known = Math.max(0, in.available()); known > 0; ) {
            byte[] segment = new byte[Math.min(SEGMENT_BYTES, known)];
            int n = in.readNBytes(segment, 0, segment.length);
            if (n > 0) {
                out.add(ByteBuffer.wrap(segment, 0, n).slice());
            }
            if (n < segment.length) {
                return new ProxyMessage(out.toArray(new ByteBuffer[0]));  // shorter than announced
            }
            known -= n;
        }
        for (int first = in.read(); first >= 0; first = in.read()) {
            byte[] segment = new byte[SEGMENT_BYTES];
            segment[0] = (byte) first;
            int n = 1 + in.readNBytes(segment, 1, SEGMENT_BYTES - 1);
            out.add(ByteBuffer.wrap(n == SEGMENT_BYTES ? segment : Arrays.copyOf(segment, n)));
            if (n < SEGMENT_BYTES) {
                break;
            }
        }
        return new ProxyMessage(out.toArray(new ByteBuffer[0]));
    }

    /** The message's length in bytes. */
    int length() {
        return length;
    }

    /** What the history and reader backlogs count: the bytes plus a small per-message and per-segment overhead. */
    long size() {
        return length + 64L + 16L * segments.length;
    }

    /** The byte at {@code index} (0 to {@link #length()} - 1): for reading the few protobuf tags in front. */
    int byteAt(int index) {
        int at = index;
        for (ByteBuffer s : segments) {
            if (at < s.limit()) {
                return s.get(at) & 0xFF;
            }
            at -= s.limit();
        }
        throw new IndexOutOfBoundsException("byte " + index + " of a message of " + length);
    }

    /** Copies {@code count} bytes from {@code from} on into {@code target} (at its position, which moves). */
    void copyTo(int from, int count, ByteBuffer target) {
        int skip = from;
        int left = count;
        for (ByteBuffer s : segments) {
            if (left == 0) {
                break;
            }
            if (skip >= s.limit()) {
                skip -= s.limit();
                continue;
            }
            int n = Math.min(left, s.limit() - skip);
            target.put(s.duplicate().position(skip).limit(skip + n));
            left -= n;
            skip = 0;
        }
        if (left > 0) {
            throw new IndexOutOfBoundsException(count + " bytes from " + from + " of a message of " + length);
        }
    }

    /** The bytes in one array (tests, and readers of small messages). */
    byte[] bytes() {
        if (segments.length == 1 && segments[0].hasArray() && segments[0].arrayOffset() == 0
                && segments[0].array().length == length) {
            return segments[0].array();
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        copyTo(0, length, all);
        return all.array();
    }

    /** The bytes as a stream of known length that drains into gRPC's buffers without joining the segments first. */
    InputStream stream() {
        return new SegmentStream();
    }

    @Override
    public String toString() {
        return "ProxyMessage[" + length + " bytes in " + segments.length + " segments]";
    }

    private final class SegmentStream extends InputStream implements KnownLength, Drainable {
        private int segment;
        private int offset;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (segment < segments.length && offset == segments[segment].limit()) {
                segment++;
                offset = 0;
            }
            if (segment == segments.length) {
                return -1;
            }
            int n = Math.min(len, segments[segment].limit() - offset);
            segments[segment].duplicate().position(offset).get(b, off, n);
            offset += n;
            return n;
        }

        @Override
        public int available() {
            int left = 0;
            for (int i = segment; i < segments.length; i++) {
                left += segments[i].limit() - (i == segment ? offset : 0);
            }
            return left;
        }

        /** Heap segments go to {@code target} in one write each; others through {@link #read}. */
        @Override
        public int drainTo(OutputStream target) throws IOException {
            int total = 0;
            byte[] buffer = null;
            for (; segment < segments.length; segment++, offset = 0) {
                ByteBuffer s = segments[segment];
                int n = s.limit() - offset;
                if (s.hasArray()) {
                    target.write(s.array(), s.arrayOffset() + offset, n);
                } else {
                    buffer = buffer != null ? buffer : new byte[8192];
                    ByteBuffer from = s.duplicate().position(offset);
                    while (from.hasRemaining()) {
                        int k = Math.min(buffer.length, from.remaining());
                        from.get(buffer, 0, k);
                        target.write(buffer, 0, k);
                    }
                }
                total += n;
            }
            return total;
        }
    }

    /** Streams a message's segments; parsing reads the transport's stream straight into segments. */
    private enum Marshaller implements MethodDescriptor.Marshaller<ProxyMessage> {
        INSTANCE;

        @Override
        public InputStream stream(ProxyMessage value) {
            return value.stream();
        }

        @Override
        public ProxyMessage parse(InputStream stream) {
            try {
                return read(stream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
