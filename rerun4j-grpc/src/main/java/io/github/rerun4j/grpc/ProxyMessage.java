package io.github.rerun4j.grpc;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.InputStream;

/**
 * One message in the proxy: its bytes (a {@code ReadMessagesResponse}, the same bytes as the
 * {@code WriteMessagesRequest} it came in as; never modified once built, shared by the history and every reader)
 * and the history queue it belongs to.
 *
 * <p>The bytes are kept in segments of at most {@value #SEGMENT_BYTES} bytes. A depth frame (600 KB for 640x480
 * u16, often several per message) in one array is a humongous object for G1, which gives it whole regions: the
 * history then took 1.7 times its size in heap (1.76 GB for a 1 GiB limit after 10 minutes at 30 fps). Segments
 * smaller than half of the smallest region (1 MB) are ordinary objects, so the heap holds the history at its size.
 */
final class ProxyMessage {

    static final int SEGMENT_BYTES = 256 * 1024;

    /** A server-side {@code ReadMessages} method whose responses are proxy messages, streamed segment by segment. */
    static final MethodDescriptor<byte[], ProxyMessage> READ_MESSAGES = ProxyProtocol.READ_MESSAGES.toBuilder(
            ProxyProtocol.READ_MESSAGES.getRequestMarshaller(), new Marshaller()).build();

    private final byte[][] segments;
    private final int length;
    private final LogMsgCodec.Queue queue;

    private ProxyMessage(byte[][] segments, int length, LogMsgCodec.Queue queue) {
        this.segments = segments;
        this.length = length;
        this.queue = queue;
    }

    /** {@code bytes} as a proxy message: kept as it is when small, copied into segments when large. */
    static ProxyMessage of(byte[] bytes, LogMsgCodec.Queue queue) {
        if (bytes.length <= SEGMENT_BYTES) {
            return new ProxyMessage(new byte[][] {bytes}, bytes.length, queue);
        }
        byte[][] segments = new byte[(bytes.length + SEGMENT_BYTES - 1) / SEGMENT_BYTES][];
        for (int i = 0; i < segments.length; i++) {
            int from = i * SEGMENT_BYTES;
            segments[i] = java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + SEGMENT_BYTES));
        }
        return new ProxyMessage(segments, bytes.length, queue);
    }

    LogMsgCodec.Queue queue() {
        return queue;
    }

    /** The message's length in bytes. */
    int length() {
        return length;
    }

    /** What the history and reader backlogs count: the bytes plus a small per-message and per-segment overhead. */
    long size() {
        return length + 64L + 16L * segments.length;
    }

    /** The bytes in one array (tests, and readers of small messages). */
    byte[] bytes() {
        if (segments.length == 1) {
            return segments[0];
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] s : segments) {
            System.arraycopy(s, 0, all, at, s.length);
            at += s.length;
        }
        return all;
    }

    /** The bytes as a stream of known length, for gRPC to frame without joining the segments first. */
    InputStream stream() {
        return new SegmentStream();
    }

    private final class SegmentStream extends InputStream implements KnownLength {
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
            while (segment < segments.length && offset == segments[segment].length) {
                segment++;
                offset = 0;
            }
            if (segment == segments.length) {
                return -1;
            }
            int n = Math.min(len, segments[segment].length - offset);
            System.arraycopy(segments[segment], offset, b, off, n);
            offset += n;
            return n;
        }

        @Override
        public int available() {
            int left = 0;
            for (int i = segment; i < segments.length; i++) {
                left += segments[i].length - (i == segment ? offset : 0);
            }
            return left;
        }
    }

    /** Streams a message's segments; parsing (a client's side) makes one segmented message of the bytes read. */
    private static final class Marshaller implements MethodDescriptor.Marshaller<ProxyMessage> {
        @Override
        public InputStream stream(ProxyMessage value) {
            return value.stream();
        }

        @Override
        public ProxyMessage parse(InputStream stream) {
            return of(ProxyProtocol.READ_MESSAGES.getResponseMarshaller().parse(stream), LogMsgCodec.Queue.DISPOSABLE);
        }
    }
}
