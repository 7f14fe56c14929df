package io.github.rerun4j.grpc;

import io.github.rerun4j.sdk.InvalidArgumentException;

/**
 * How a {@link ProxyServer} listens and what it keeps. Rerun's defaults: 127.0.0.1:9876, 1 GiB of history.
 *
 * @param bind               address or host name to listen on ({@code 0.0.0.0} or {@code ::} for every interface)
 * @param port               TCP port, 0 for any free one
 * @param memoryLimitBytes   history kept for late readers (0: live only, no history)
 * @param maxMessageBytes    largest message a writer may send (larger ones end its call with
 *                           {@code RESOURCE_EXHAUSTED})
 * @param readerBacklogBytes how far a reader may fall behind the live stream before it is dropped
 */
public record ProxyServerOptions(String bind, int port, long memoryLimitBytes, int maxMessageBytes, long readerBacklogBytes) {

    /** Rerun's default history limit: 1 GiB. */
    public static final long DEFAULT_MEMORY_LIMIT = 1L << 30;
    /** Default largest message: 1 GiB (a 16k x 16k u32 depth image; rerun4j splits batches far below that). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 30;
    /** Default reader backlog: 256 MiB (about 14 s of 640x480 u16 frames at 30 fps). */
    public static final long DEFAULT_READER_BACKLOG = 256L << 20;

    /** Validates every field, naming it. */
    public ProxyServerOptions {
        if (bind == null || bind.isBlank()) {
            throw new InvalidArgumentException("bind", String.valueOf(bind), "an address or host name such as 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidArgumentException("port", String.valueOf(port), "0 (any free port) to 65535");
        }
        if (memoryLimitBytes < 0) {
            throw new InvalidArgumentException("memoryLimitBytes", String.valueOf(memoryLimitBytes), ">= 0 (0: live only)");
        }
        if (maxMessageBytes < 1024) {
            throw new InvalidArgumentException("maxMessageBytes", String.valueOf(maxMessageBytes), ">= 1024");
        }
        if (readerBacklogBytes < 1) {
            throw new InvalidArgumentException("readerBacklogBytes", String.valueOf(readerBacklogBytes), ">= 1");
        }
    }

    /** 127.0.0.1:9876, 1 GiB history, 1 GiB messages, 256 MiB reader backlog. */
    public static ProxyServerOptions defaults() {
        return new ProxyServerOptions("127.0.0.1", ProxyProtocol.DEFAULT_PORT, DEFAULT_MEMORY_LIMIT,
                DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_READER_BACKLOG);
    }

    public ProxyServerOptions withBind(String value) {
        return new ProxyServerOptions(value, port, memoryLimitBytes, maxMessageBytes, readerBacklogBytes);
    }

    public ProxyServerOptions withPort(int value) {
        return new ProxyServerOptions(bind, value, memoryLimitBytes, maxMessageBytes, readerBacklogBytes);
    }

    public ProxyServerOptions withMemoryLimitBytes(long value) {
        return new ProxyServerOptions(bind, port, value, maxMessageBytes, readerBacklogBytes);
    }

    public ProxyServerOptions withMaxMessageBytes(int value) {
        return new ProxyServerOptions(bind, port, memoryLimitBytes, value, readerBacklogBytes);
    }

    public ProxyServerOptions withReaderBacklogBytes(long value) {
        return new ProxyServerOptions(bind, port, memoryLimitBytes, maxMessageBytes, value);
    }
}
