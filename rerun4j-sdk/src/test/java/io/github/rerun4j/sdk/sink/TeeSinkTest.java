package io.github.rerun4j.sdk.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.rrd.LogMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several sinks at once: each gets every message once, in order, even when another fails. */
class TeeSinkTest {

    private static final BatcherConfig MANUAL = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMinutes(10));

    @TempDir
    Path dir;

    /** Records what it takes; refuses while {@code failing}. */
    static final class Switchable implements Sink {
        final String name;
        final List<LogMessage> got = new ArrayList<>();
        boolean failing;
        boolean closed;

        Switchable(String name) {
            this.name = name;
        }

        @Override
        public void send(LogMessage message) throws IOException {
            if (failing) {
                throw new IOException(name + " is down");
            }
            got.add(message);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void aFileAndAStreamAtOnceGetTheSameBytes() throws IOException {
        Path file = dir.resolve("tee.rrd");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (RecordingStream rec = RecordingStream.builder("tee").recordingId("t")
                .sinks(FileSink.create(file), StreamSink.to(stream, "buffer", false))) {
            for (int f = 0; f < 20; f++) {
                rec.setTimeSequence("frame", f);
                rec.log("cam/depth", TestImages.image(5, f, 20, 10));
            }
        }
        StreamSinkTest.assertSameRecording(stream.toByteArray(), Files.readAllBytes(file));
        assertThat(stream.size()).isGreaterThan(20 * 400);
    }

    @Test
    void aFailingSinkKeepsWhatItMissedAndTheOthersGoOnWithoutDuplicates() {
        Switchable good = new Switchable("good");
        Switchable flaky = new Switchable("flaky");
        List<TeeSink.Failure> reports = new ArrayList<>();
        TeeSink tee = TeeSink.of(List.of(good, flaky), 100, reports::add);
        RecordingStream rec = RecordingStream.builder("tee").batching(MANUAL).sink(tee);
        rec.log("a", TestImages.image(1, 0, 4, 4));
        rec.flush();
        flaky.failing = true;
        for (int f = 1; f <= 3; f++) {
            rec.log("a", TestImages.image(1, f, 4, 4));
            // The good sink has the chunk; only the flaky one owes it: flush says so, naming sink and cause.
            assertThatThrownBy(rec::flush).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("flaky owes " + f + " message(s)")
                    .hasMessageContaining("flaky is down");
        }
        assertThat(good.got).hasSize(1 + 4);  // store info + 4 chunks, each once
        assertThat(flaky.got).hasSize(2);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).sink()).isSameAs(flaky);
        assertThat(reports.get(0).error()).hasMessage("flaky is down");

        flaky.failing = false;
        rec.log("a", TestImages.image(1, 4, 4, 4));
        rec.close();
        assertThat(flaky.got).containsExactlyElementsOf(good.got);  // same messages, same order
        assertThat(good.got).hasSize(1 + 5);
        assertThat(reports.get(reports.size() - 1).error()).isNull();  // recovered
        assertThat(good.closed && flaky.closed).isTrue();
    }

    @Test
    void whenEverySinkFailsTheBatcherRetriesAndNothingIsDuplicated() {
        Switchable a = new Switchable("a");
        Switchable b = new Switchable("b");
        RecordingStream rec = RecordingStream.builder("tee").batching(MANUAL).sink(TeeSink.of(List.of(a, b), 10, f -> { }));
        rec.log("x", TestImages.image(2, 0, 4, 4));
        a.failing = true;
        b.failing = true;
        assertThatThrownBy(rec::flush).hasMessageContaining("every sink failed").hasMessageContaining("a is down")
                .hasMessageContaining("b is down");
        a.failing = false;
        b.failing = false;
        rec.flush();  // the batcher sends the kept rows again
        rec.close();
        assertThat(a.got).hasSize(2);
        assertThat(b.got).containsExactlyElementsOf(a.got);
    }

    @Test
    void aBacklogOverItsLimitLosesTheOldestAndCloseSaysHowMany() {
        Switchable good = new Switchable("good");
        Switchable down = new Switchable("down");
        List<TeeSink.Failure> reports = new ArrayList<>();
        RecordingStream rec = RecordingStream.builder("tee").batching(MANUAL).sink(TeeSink.of(List.of(good, down), 2, reports::add));
        down.failing = true;
        for (int f = 0; f < 5; f++) {
            rec.log("x", TestImages.image(3, f, 4, 4));
            try {
                rec.flush();
            } catch (UncheckedIOException expected) {
                // reported each time; checked below
            }
        }
        assertThat(good.got).hasSize(6);
        assertThat(reports).extracting(TeeSink.Failure::lost).containsExactly(0L, 1L, 2L, 3L);
        assertThatThrownBy(rec::close).hasMessageContaining("down never got 2 message(s)");
        assertThat(down.closed).isTrue();
    }

    @Test
    void badArgumentsAreNamed() {
        RecordingStream.Builder builder = RecordingStream.builder("tee");
        assertThatThrownBy(() -> builder.sinks()).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("sinks");
        assertThatThrownBy(() -> builder.sinks(new MemorySink(), null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("sinks[1]");
        assertThatThrownBy(() -> TeeSink.of(List.of(new MemorySink()), 0, f -> { }))
                .hasMessageContaining("backlogLimit: 0");
    }
}
