package io.github.rerun4j.sdk.rrd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * A complete framed message (16-byte header + protobuf payload) as a list of buffer segments, ready for a sink.
 *
 * <p>Segments may be the caller's own buffers (zero-copy Arrow payloads): they are used from their position to
 * their limit <em>as they were when the message was encoded</em>, so do not touch them until the message is
 * written. {@link #writeTo(WritableByteChannel)} and {@link #toByteArray()} leave the segments' positions alone,
 * so a message can be written more than once.
 *
 * <pre>{@code
 * EncodedMessage m = RrdEncoder.encode(new RrdMessage.SetStoreInfo(Tuid.next(), StoreInfo.of(storeId)));
 * m.writeTo(channel);
 * }</pre>
 */
public final class EncodedMessage {

    private final ByteBuffer[] segments;
    private final long length;

    EncodedMessage(ByteBuffer[] segments, long length) {
        this.segments = Objects.requireNonNull(segments, "segments");
        this.length = length;
    }

    /** The segments in order (a new array; the buffers are the very objects the message is made of). */
    public ByteBuffer[] segments() {
        return segments.clone();
    }

    /** Total number of bytes of all segments: the framed message length. */
    public long length() {
        return length;
    }

    /** Writes every segment to {@code channel} without moving the segments' own positions. */
    public void writeTo(WritableByteChannel channel) throws IOException {
        for (ByteBuffer segment : segments) {
            ByteBuffer view = segment.duplicate();
            while (view.hasRemaining()) {
                channel.write(view);
            }
        }
    }

    /** The whole message in one new array; meant for tests and small messages. */
    public byte[] toByteArray() {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("message of " + length + " bytes does not fit in one array");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length);
        for (ByteBuffer segment : segments) {
            out.put(segment.duplicate());
        }
        return out.array();
    }

    @Override
    public String toString() {
        return "EncodedMessage[" + length + " bytes in " + segments.length + " segments]";
    }
}
