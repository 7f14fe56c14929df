package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.chunk.Tuid;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds .rrd byte sequences for tests and reads them back through both reader inputs. */
final class RrdTestBytes {

    static final StoreId STORE = StoreId.recording("rerun_example_test", "0123456789abcdef0123456789abcdef");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Long> boundaries = new ArrayList<>();

    private RrdTestBytes() {
    }

    static RrdTestBytes stream(boolean lz4) {
        return new RrdTestBytes().header(lz4);
    }

    RrdTestBytes header(boolean lz4) {
        return raw(RrdEncoder.streamHeader(lz4));
    }

    RrdTestBytes message(RrdMessage message) {
        return message(message, false);
    }

    RrdTestBytes message(RrdMessage message, boolean lz4) {
        return raw(RrdEncoder.encode(message, lz4).toByteArray());
    }

    /** A framed message with any kind and payload, for hand-made (often invalid) content. */
    RrdTestBytes framed(long kind, byte[] payload) {
        ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(kind).putLong(payload.length);
        out.writeBytes(head.array());
        return raw(payload);
    }

    /** An End message with an opaque footer payload, followed by the 32-byte trailer, as Rerun's SDK writes. */
    RrdTestBytes endWithTrailer(byte[] footerPayload) {
        long payloadOffset = out.size() + 16L;
        framed(RrdMessage.KIND_END, footerPayload);
        ByteBuffer trailer = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(payloadOffset).putLong(footerPayload.length).putInt(0x1234_5678)
                .put("RRF2FOOT".getBytes(StandardCharsets.US_ASCII)).putInt(1);
        return raw(trailer.array());
    }

    RrdTestBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        boundaries.add((long) out.size());
        return this;
    }

    /** Offsets at which a clean cut is possible (after the header and after each message/trailer). */
    List<Long> boundaries() {
        return List.copyOf(boundaries);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A sample of every message type, both compressions, and an End + trailer. */
    static RrdTestBytes sample() {
        byte[] ipc = new byte[3000];
        for (int i = 0; i < ipc.length; i++) {
            ipc[i] = (byte) (i % 7 == 0 ? i : 0);
        }
        return stream(true)
                .message(new RrdMessage.SetStoreInfo(new Tuid(1, 2), StoreInfo.of(STORE)))
                .message(new RrdMessage.ArrowMsg(STORE, new Tuid(3, 4), false, ByteBuffer.wrap(ipc)), true)
                .message(new RrdMessage.ArrowMsg(STORE, null, null, ByteBuffer.wrap(new byte[] {1, 2, 3})), false)
                .message(new RrdMessage.BlueprintActivation(new StoreId(StoreKind.BLUEPRINT, "bp", "rerun_example_test"), true, false))
                .endWithTrailer(new byte[] {0x0a, 0x00});
    }

    /** All records of {@code bytes}, via a channel; a thrown error is returned as the last element. */
    static Outcome readChannel(byte[] bytes) {
        try (RrdReader reader = RrdReader.of(new ByteArrayChannel(bytes))) {
            return drain(reader);
        } catch (IOException e) {
            throw new AssertionError("closing an in-memory channel failed", e);
        }
    }

    /** As {@link #readChannel(byte[])}, via an InputStream (no known size). */
    static Outcome readStream(byte[] bytes) {
        try (RrdReader reader = RrdReader.of(new ByteArrayInputStream(bytes))) {
            return drain(reader);
        } catch (IOException e) {
            throw new AssertionError("closing an in-memory stream failed", e);
        }
    }

    private static Outcome drain(RrdReader reader) {
        List<RrdRecord> records = new ArrayList<>();
        try {
            for (RrdRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
            return new Outcome(records, null);
        } catch (IOException e) {
            return new Outcome(records, e);
        }
    }

    /** What a read produced: the records, then the error that ended it (null for a clean end). */
    record Outcome(List<RrdRecord> records, IOException error) {
        List<RrdMessage> messages() {
            return records.stream().map(RrdRecord::message).toList();
        }
    }

    /** A read-only SeekableByteChannel over an array. */
    static final class ByteArrayChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private long position;
        private boolean open = true;

        ByteArrayChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
