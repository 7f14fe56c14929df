package io.github.rerun4j.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Segmented proxy messages give back exactly their bytes, whole or streamed, at every size around a segment. */
class ProxyMessageTest {

    @Test
    void everySizeAroundASegmentStreamsItsExactBytes() throws Exception {
        int s = ProxyMessage.SEGMENT_BYTES;
        for (int size : new int[] {0, 1, s - 1, s, s + 1, 2 * s, 3 * s + 17, 2_457_600}) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            ProxyMessage m = ProxyMessage.of(bytes, LogMsgCodec.Queue.DISPOSABLE);

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
        assertThat(ProxyMessage.of(bytes, LogMsgCodec.Queue.STATIC).bytes()).isSameAs(bytes);
    }
}
