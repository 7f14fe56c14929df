package io.github.rerun4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.sink.MemorySink;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The exit hook's registry holds exactly the open streams: building registers, closing deregisters (also when
 * close fails), and opting out registers nothing. Other test classes may build streams in parallel in the same
 * JVM only if surefire runs classes concurrently, which this build does not.
 */
class ExitFlushTest {

    @Test
    void closedStreamsAreNotKeptByTheExitHook() {
        int before = ExitFlush.registered();
        RecordingStream a = RecordingStream.builder("exit_test").sink(new MemorySink());
        RecordingStream b = RecordingStream.builder("exit_test").sink(new MemorySink());
        assertThat(ExitFlush.registered()).isEqualTo(before + 2);
        a.close();
        b.close();
        assertThat(ExitFlush.registered()).isEqualTo(before);
        for (int i = 0; i < 1000; i++) {
            RecordingStream.builder("exit_test").sink(new MemorySink()).close();
        }
        assertThat(ExitFlush.registered()).as("no growth over many streams").isEqualTo(before);
    }

    @Test
    void optingOutRegistersNothingAndAFailedCloseStillDeregisters() {
        int before = ExitFlush.registered();
        RecordingStream.builder("exit_test").flushOnExit(false).sink(new MemorySink()).close();
        assertThat(ExitFlush.registered()).isEqualTo(before);

        RecordingStream failing = RecordingStream.builder("exit_test").sink(new io.github.rerun4j.sdk.sink.Sink() {
            @Override
            public void send(io.github.rerun4j.sdk.rrd.LogMessage message) {
            }

            @Override
            public void close() throws IOException {
                throw new IOException("cannot close");
            }
        });
        assertThat(ExitFlush.registered()).isEqualTo(before + 1);
        try {
            failing.close();
        } catch (java.io.UncheckedIOException expected) {
            // the sink's failure is reported; what matters here is the registry
        }
        assertThat(ExitFlush.registered()).isEqualTo(before);
    }
}
