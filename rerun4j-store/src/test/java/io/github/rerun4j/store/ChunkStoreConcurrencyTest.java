package io.github.rerun4j.store;

import static io.github.rerun4j.store.TestChunks.METER;
import static io.github.rerun4j.store.TestChunks.meter;
import static io.github.rerun4j.store.TestChunks.meterOf;
import static io.github.rerun4j.store.TestChunks.v;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ChunkStoreConcurrencyTest {

    @Test
    void readersQueryWhileOneWriterAddsOutOfOrder() throws Exception {
        ChunkStore store = new ChunkStore();
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        Runnable reader = () -> {
            try {
                while (!done.get()) {
                    Optional<RowRef> r = store.latestAt("/e", METER.component(), "frame", 1_000);
                    r.ifPresent(ref -> assertThat(meterOf(ref)).isEqualTo((float) ref.time().getAsLong()));
                    List<RowRef> rows = store.range("/e", METER.component(), "frame", 0, 2_000);
                    for (int i = 1; i < rows.size(); i++) {
                        assertThat(RowRef.LATEST_ORDER.compare(rows.get(i - 1), rows.get(i))).isNegative();
                    }
                }
            } catch (Throwable t) {
                errors.add(t);
            }
        };
        Thread[] readers = {new Thread(reader), new Thread(reader)};
        for (Thread t : readers) {
            t.start();
        }
        for (int i = 0; i < 2_000; i++) {
            long time = (i * 7919L) % 2_000;   // a permutation of 0..1999
            store.add(meter("/e", "frame", time, i, v(time)));
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertThat(errors).isEmpty();
        assertThat(meterOf(store.latestAt("/e", METER.component(), "frame", 1_000).orElseThrow())).isEqualTo(1000f);
        assertThat(store.range("/e", METER.component(), "frame", 0, 2_000)).hasSize(2_000);
    }
}
