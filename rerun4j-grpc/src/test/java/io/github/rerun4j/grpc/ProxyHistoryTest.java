package io.github.rerun4j.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.MemorySink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The history late readers get, within the memory limit (Rerun's three queues). */
@Timeout(60)
class ProxyHistoryTest {

    /** Store info, static chunk, 20 frames of 32x24 (about 2 KB each). */
    static List<LogMessage> recording() {
        MemorySink memory = new MemorySink();
        Recordings.log(memory, "history", 0, 20);
        return memory.messages();
    }

    @Test
    void overTheLimitTheOldestTemporalChunksGoFirstAndStoreInfoAndStaticDataStay() throws Exception {
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults().withMemoryLimitBytes(12_000))) {
            for (LogMessage m : recording()) {
                proxy.publish(m, false);
            }
            int kept = proxy.stats().historyMessages();
            assertThat(proxy.stats().historyBytes()).isLessThanOrEqualTo(12_000);
            assertThat(proxy.stats().droppedFromHistory()).isEqualTo(22 - kept);
            try (GrpcWebReader late = new GrpcWebReader(proxy.port(), null)) {
                List<LogMessage> got = Recordings.decode(Recordings.read(late, kept));
                assertThat(got.get(0)).isInstanceOf(LogMessage.StoreInfoMessage.class);
                assertThat(((LogMessage.ChunkMessage) got.get(1)).chunk().isStatic()).isTrue();
                List<Integer> frames = Recordings.frames(got);
                assertThat(frames).hasSize(kept - 2).isNotEmpty().endsWith(19);  // the newest ones, in order
                assertThat(frames).isSorted();
            }
        }
    }

    @Test
    void aClosedProxyLetsItsHistoryGo() throws Exception {
        ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults());
        for (LogMessage m : recording()) {
            proxy.publish(m, false);
        }
        assertThat(proxy.stats().historyMessages()).isEqualTo(22);
        proxy.close();
        assertThat(proxy.stats().historyMessages()).isZero();
        assertThat(proxy.stats().historyBytes()).isZero();
        assertThat(proxy.stats().published()).isEqualTo(22);
    }

    @Test
    void staticDataGoesOnlyOnceEveryTemporalChunkIsGone() throws Exception {
        // room for the store info and the static chunk only: every frame is dropped, static survives
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults().withMemoryLimitBytes(1500))) {
            for (LogMessage m : recording()) {
                proxy.publish(m, false);
            }
            try (GrpcWebReader late = new GrpcWebReader(proxy.port(), null)) {
                List<LogMessage> got = Recordings.decode(Recordings.read(late, proxy.stats().historyMessages()));
                assertThat(got).allMatch(m -> m instanceof LogMessage.StoreInfoMessage);
            }
        }
    }

    @Test
    void limitZeroIsLiveOnly() throws Exception {
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults().withMemoryLimitBytes(0))) {
            List<LogMessage> messages = recording();
            proxy.publish(messages.get(0), false);
            assertThat(proxy.stats().historyMessages()).isZero();
            try (GrpcWebReader late = new GrpcWebReader(proxy.port(), null)) {
                while (proxy.stats().readers() < 1) {
                    Thread.sleep(10);
                }
                proxy.publish(messages.get(5), false);
                assertThat(Recordings.frames(Recordings.decode(Recordings.read(late, 1)))).containsExactly(3);
            }
        }
    }
}
