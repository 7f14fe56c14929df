package io.github.rerun4j.cli;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code work} on every item with {@code threads} threads and hands the results to {@code sink} in the
 * items' order, on the calling thread. At most {@code max(8, 4 * threads)} items are in flight, so memory stays
 * flat whatever the number of items, and the sink's own slowness (writing) holds the workers back; fewer (2 per
 * thread) left workers idle whenever one item took longer than its neighbours.
 */
final class OrderedParallel {

    /** The work on one item; its exception goes to the sink, not up. */
    @FunctionalInterface
    interface Work<S, R> {
        R apply(S item) throws Exception;
    }

    /** Takes one item's result or failure (exactly one is non-null), in order; may throw to stop everything. */
    @FunctionalInterface
    interface Sink<S, R> {
        void accept(S item, R result, Exception failure);
    }

    private OrderedParallel() {
    }

    static <S, R> void run(List<S> items, int threads, Work<S, R> work, Sink<S, R> sink) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rerun4j-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<R>> window = new ArrayDeque<>();
            int next = 0;
            int limit = Math.max(8, threads * 4);
            for (int done = 0; done < items.size(); done++) {
                while (next < items.size() && window.size() < limit) {
                    S item = items.get(next++);
                    window.add(pool.submit(() -> work.apply(item)));
                }
                S item = items.get(done);
                R result = null;
                Exception failure = null;
                try {
                    result = window.poll().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error; // out of memory in a worker: the command's error, not the file's
                    }
                    failure = e.getCause() instanceof Exception ex ? ex : e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw CliException.usage("interrupted", e);
                }
                sink.accept(item, result, failure);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
