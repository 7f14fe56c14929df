package io.github.rerun4j.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Drainable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Segmented proxy messages give back exactly their bytes, whole, streamed or drained, at every size around a segment,
 * however they were made.
 */
class ProxyMessageTest {

    @Test
    void everySizeAroundASegmentStreamsItsExactBytes() throws Exception {
        int s = ProxyMessage.SEGMENT_BYTES;
        for (int size : new int[] {0, 1, s - 1, s, s + 1, 2 * s, 3 * s + 17, 2_457_600}) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            ProxyMessage m = ProxyMessage.of(bytes);

            assertThat(m.length()).isEqualTo(size);
            assertThat(m.bytes()).as("size %d", size).isEqualTo(bytes);
            try (InputStream in = m.stream()) {
                assertThat(in.available()).isEqualTo(size);
                assertThat(in.readAllBytes()).as("size %d streamed", size).isEqualTo(bytes);
                assertThat(in.read()).isEqualTo(-1);
            }
            try (InputStream in = m.stream()) {
                for (int i = 0; i < Math.min(size, 3); i++) {
                    assertThat(in.read()).isEqualTo(bytes[i] & 0xFF);
                }
            }
            assertThat(m.size()).isGreaterThanOrEqualTo(size + 64L);
        }
    }

    @Test
    void smallMessagesKeepTheirArray() {
        byte[] bytes = new byte[100];
        assertThat(ProxyMessage.of(bytes).bytes()).isSameAs(bytes);
    }

    @Test
    void readWrappedAndCopiedMessagesHoldTheSameBytesInSegmentsOfAtMostTheLimit() throws Exception {
        int s = ProxyMessage.SEGMENT_BYTES;
        for (int size : new int[] {1, s - 1, s, s + 1, 3 * s + 17, 614_417}) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            long segments = (size + s - 1) / s;
            ProxyMessage read = ProxyMessage.read(new ByteArrayInputStream(bytes));
            // a stream that does not know its length (available() = 0) is read in segments as it goes
            ProxyMessage unknown = ProxyMessage.read(new FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int available() {
                    return 0;
                }
            });
            ByteBuffer direct = ByteBuffer.allocateDirect(size - size / 3).put(bytes, size / 3, size - size / 3).flip();
            ProxyMessage wrapped = ProxyMessage.wrap(ByteBuffer.wrap(bytes, 0, size / 3), direct);
            for (ProxyMessage m : new ProxyMessage[] {read, unknown, wrapped, wrapped.copy()}) {
                assertThat(m.bytes()).as("%s of %d", m, size).isEqualTo(bytes);
                assertThat(drained(m)).as("%s of %d drained", m, size).isEqualTo(bytes);
                assertThat(m.byteAt(size - 1)).isEqualTo(bytes[size - 1] & 0xFF);
            }
            assertThat(read.size()).isEqualTo(size + 64L + 16L * segments);
            assertThat(unknown.size()).isEqualTo(read.size());
            assertThat(wrapped.copy().size()).isEqualTo(read.size());
        }
    }

    private static byte[] drained(ProxyMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = m.stream()) {
            assertThat(((Drainable) in).drainTo(out)).isEqualTo(m.length());
        }
        return out.toByteArray();
    }
}
