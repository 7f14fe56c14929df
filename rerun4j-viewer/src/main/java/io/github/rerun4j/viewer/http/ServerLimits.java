package io.github.rerun4j.viewer.http;

import java.time.Duration;

/**
 * How much a viewer server takes on at once, so that no web page (any page can open {@code new EventSource})
 * and no script can exhaust its threads, sockets or memory.
 *
 * <pre>{@code
 * ServerLimits limits = ServerLimits.defaults().withHeartbeat(Duration.ofMillis(50));   // tests
 * }</pre>
 *
 * @param heartbeat        how often each event stream gets a comment line: a write to a client that went away
 *                         fails, and the stream is released (TCP alone never tells a server that only writes)
 * @param maxEventStreams  open event streams at most; one more is answered 503
 * @param maxHeavyRequests requests that walk or copy a lot at once at most (scene, image, CSV); one more is
 *                         answered 503 with {@code Retry-After}
 */
public record ServerLimits(Duration heartbeat, int maxEventStreams, int maxHeavyRequests) {

    /** Every 15 s a heartbeat, 64 event streams, 8 heavy requests at a time. */
    public static ServerLimits defaults() {
        return new ServerLimits(Duration.ofSeconds(15), 64, 8);
    }

    public ServerLimits {
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat " + heartbeat + ": expected a positive duration");
        }
        if (maxEventStreams < 1) {
            throw new IllegalArgumentException("maxEventStreams " + maxEventStreams + ": expected at least 1");
        }
        if (maxHeavyRequests < 1) {
            throw new IllegalArgumentException("maxHeavyRequests " + maxHeavyRequests + ": expected at least 1");
        }
    }

    public ServerLimits withHeartbeat(Duration heartbeat) {
        return new ServerLimits(heartbeat, maxEventStreams, maxHeavyRequests);
    }

    public ServerLimits withMaxEventStreams(int maxEventStreams) {
        return new ServerLimits(heartbeat, maxEventStreams, maxHeavyRequests);
    }

    public ServerLimits withMaxHeavyRequests(int maxHeavyRequests) {
        return new ServerLimits(heartbeat, maxEventStreams, maxHeavyRequests);
    }
}
