package io.github.rerun4j.viewer.api;

import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on requests that cost much CPU or memory (a scene walks the store, an image sends a whole frame, a
 * CSV every row): beyond the bound a request waits at most {@value #WAIT_MS} ms for a slot (a page showing
 * many depth images asks for them all at once), then is {@link Busy}, so a flood of them cannot take the CPU
 * and the memory, nor hold server threads for long.
 *
 * <pre>{@code
 * HeavyRequests heavy = new HeavyRequests(8);
 * routes.get("/api/recordings/{rec}/scene", heavy.bounded(this::scene));
 * }</pre>
 */
final class HeavyRequests {

    /** How long a request beyond the bound waits for a slot before it is refused. */
    static final long WAIT_MS = 1000;

    private final int max;
    private final Semaphore permits;

    HeavyRequests(int max) {
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** {@code handler} run only while fewer than the bound run; its answer must be complete when it returns. */
    Handler bounded(Handler handler) {
        return ctx -> {
            boolean acquired;
            try {
                acquired = permits.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acquired = false;
            }
            if (!acquired) {
                throw new Busy("busy: " + max + " scene, image or CSV requests are being answered; try again shortly");
            }
            try {
                handler.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }
}
