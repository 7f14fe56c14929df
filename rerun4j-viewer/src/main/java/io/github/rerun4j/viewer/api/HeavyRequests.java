package io.github.rerun4j.viewer.api;

import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;

/**
 * A bound on requests that cost much CPU or memory (a scene walks the store, an image sends a whole frame, a
 * CSV every row): beyond the bound a request is {@link Busy} at once instead of queueing on a server thread, so
 * a flood of them cannot take every thread and the memory with it.
 *
 * <pre>{@code
 * HeavyRequests heavy = new HeavyRequests(8);
 * routes.get("/api/recordings/{rec}/scene", heavy.bounded(this::scene));
 * }</pre>
 */
final class HeavyRequests {

    private final int max;
    private final Semaphore permits;

    HeavyRequests(int max) {
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** {@code handler} run only while fewer than the bound run; its answer must be complete when it returns. */
    Handler bounded(Handler handler) {
        return ctx -> {
            if (!permits.tryAcquire()) {
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
