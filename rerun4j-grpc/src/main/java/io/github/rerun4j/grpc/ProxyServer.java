package io.github.rerun4j.grpc;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.cors.CorsService;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.github.rerun4j.http.LocalOriginPolicy;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.sink.Sink;
import io.github.rerun4j.sdk.types.ErrorText;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * Rerun's message proxy hosted in this JVM: what {@code serve_grpc()} starts. One port answers native gRPC over
 * cleartext HTTP/2 (Rerun's SDKs and native viewer) and gRPC-web over HTTP/1.1 (the web viewer, with CORS for
 * pages of this machine only); Armeria does the HTTP, this class the protocol. Readers ({@code ReadMessages}) get
 * the history, then every new message; writers ({@code WriteMessages}, e.g. another process's
 * {@link GrpcConnectSink}) and {@link #publish} feed the same {@link MessageHub}.
 *
 * <pre>{@code
 * try (ProxyServer proxy = ProxyServer.start(ProxyServerOptions.defaults().withPort(0))) {
 *     String url = proxy.url();   // rerun+http://127.0.0.1:PORT/proxy, for `rerun --connect` or the web viewer
 * }
 * }</pre>
 *
 * <p>Given a sink at {@link #start(ProxyServerOptions, Sink)}, the proxy also hands every message that writers
 * send to it, decoded: that is how a program logging with any Rerun SDK ({@code rr.connect_grpc()}) lands in
 * rerun4j's viewer.
 */
public final class ProxyServer implements AutoCloseable {

    /** How long {@link #close()} lets readers take what is queued for them before their streams end anyway. */
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(3);

    private final ProxyServerOptions options;
    private final MessageHub hub;
    private final Server server;
    private final int port;
    private boolean closed;

    private ProxyServer(ProxyServerOptions options, MessageHub hub, Server server, int port) {
        this.options = options;
        this.hub = hub;
        this.server = server;
        this.port = port;
    }

    /**
     * Listens on {@code options.bind():options.port()}.
     *
     * @throws IOException when the address does not resolve or the port is taken (the message says so and
     *                     suggests connecting to whatever holds it instead)
     */
    public static ProxyServer start(ProxyServerOptions options) throws IOException {
        return start(options, null);
    }

    /**
     * Like {@link #start(ProxyServerOptions)}, and every message a writer sends ({@code WriteMessages}) also goes to
     * {@code incoming}, decoded, in the writer's order, on the writer's connection thread. A message that does not
     * decode ends that writer's stream ({@code INVALID_ARGUMENT}) before anything of it is published; one that
     * {@code incoming} refuses ends it with {@code INTERNAL} and the reason. Messages given to {@link #publish}
     * do not go to {@code incoming}.
     *
     * @param incoming where writers' messages go besides the hub; null for none
     */
    public static ProxyServer start(ProxyServerOptions options, Sink incoming)
            throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(unbracket(options.bind()));
        } catch (UnknownHostException e) {
            throw new IOException("bind address '" + options.bind() + "' does not resolve: " + ErrorText.describe(e), e);
        }
        MessageHub hub = new MessageHub(options.memoryLimitBytes());
        LocalOriginPolicy policy = LocalOriginPolicy.forBind(options.bind());
        GrpcService grpc = GrpcService.builder()
                .addService(definition(hub, options, incoming))
                .supportedSerializationFormats(GrpcSerializationFormats.values())
                .useMethodMarshaller(true)
                .maxRequestMessageLength(options.maxMessageBytes())
                .maxResponseMessageLength(Integer.MAX_VALUE)
                .useBlockingTaskExecutor(false)
                .build();
        Server server = Server.builder()
                .http(new InetSocketAddress(address, options.port()))
                // ReadMessages streams stay open for as long as the viewer looks; WriteMessages for a whole run.
                .requestTimeoutMillis(0)
                .maxRequestLength(0)
                // Writers stream whole frames (600 KB for 640x480 u16): windows of several frames keep them moving.
                .http2InitialConnectionWindowSize(16 << 20)
                .http2InitialStreamWindowSize(8 << 20)
                // ... and in DATA frames of up to 1 MiB instead of HTTP/2's default 16 KiB: each frame is an event
                // through Armeria's request pipeline, 37 of them for one 600 KB frame otherwise.
                .http2MaxFrameSize(1 << 20)
                .service(grpc, CorsService.builder(policy::isLocalPage)
                        .allowCredentials()
                        .allowRequestMethods(HttpMethod.POST)
                        .allowRequestHeaders(HttpHeaderNames.CONTENT_TYPE, HttpHeaderNames.of("x-grpc-web"),
                                HttpHeaderNames.of("x-user-agent"), HttpHeaderNames.of("grpc-timeout"))
                        .exposeHeaders("grpc-status", "grpc-message", "grpc-status-details-bin")
                        .newDecorator())
                .decorator(new LocalOriginDecorator(policy))
                .gracefulShutdownTimeout(Duration.ZERO, Duration.ofMillis(500))
                .build();
        try {
            server.start().join();
        } catch (CompletionException e) {
            server.closeAsync();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("address already in use")) {
                String url = urlFor(options.bind(), options.port());
                throw new IOException("port " + options.port() + " on " + options.bind() + " is taken (a Rerun viewer or"
                        + " another proxy?): send to it with GrpcConnectSink / `--connect " + url + "`, or choose"
                        + " another port", cause);
            }
            throw new IOException("starting the gRPC proxy on " + options.bind() + ":" + options.port() + " failed: "
                    + ErrorText.describe(cause), cause);
        }
        return new ProxyServer(options, hub, server, server.activeLocalPort());
    }

    private static ServerServiceDefinition definition(MessageHub hub, ProxyServerOptions options,
            Sink incoming) {
        return ServerServiceDefinition.builder(ProxyProtocol.SERVICE)
                .addMethod(ProxyMessage.WRITE_MESSAGES, new WriteHandler(hub, incoming))
                .addMethod(ProxyMessage.READ_MESSAGES, new ReadHandler(hub, options.readerBacklogBytes()))
                .build();
    }

    /** The port listened on (the real one when 0 was asked for). */
    public int port() {
        return port;
    }

    /** What a viewer opens: {@code rerun+http://HOST:PORT/proxy} (127.0.0.1 when bound to every interface). */
    public String url() {
        return urlFor(options.bind(), port);
    }

    static String urlFor(String bind, int port) {
        String host = unbracket(bind.trim());
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
            host = "127.0.0.1";
        }
        return "rerun+http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/proxy";
    }

    private static String unbracket(String name) {
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    /**
     * Broadcasts {@code message} to every reader and keeps it for late ones.
     *
     * @param lz4 compress an ArrowMsg's payload (smaller history and transfers, more CPU)
     * @throws IOException once the proxy is closed
     */
    public void publish(LogMessage message, boolean lz4) throws IOException {
        // One copy, from the encoder's buffers into the history's segments.
        publish(LogMsgCodec.wrap(message, lz4).copy());
    }

    /** Publishes a message already in proxy form ({@link LogMsgCodec}); checked like a writer's. */
    public void publishBytes(byte[] message) throws IOException {
        publish(ProxyMessage.of(message));
    }

    private void publish(ProxyMessage message) throws IOException {
        if (!hub.publish(message, LogMsgCodec.parse(message).queue())) {
            throw new IOException("the gRPC proxy at " + url() + " is closed");
        }
    }

    /**
     * Publishes every message {@code reader} gives, up to its end (an End message is not published): how a file's
     * recordings are served. What was published before a damaged message stays published.
     *
     * @return the messages published
     * @throws IOException when the input is damaged ({@link io.github.rerun4j.sdk.rrd.RrdFormatException}, with the
     *                     byte offset) or cannot be read, or the proxy is closed
     */
    public int publishAll(RrdReader reader) throws IOException {
        int n = 0;
        for (RrdRecord r = reader.next(); r != null; r = reader.next()) {
            if (!(r.message() instanceof RrdMessage.End)) {
                publishBytes(LogMsgCodec.encode(r.message(), false));
                n++;
            }
        }
        return n;
    }

    public ProxyStats stats() {
        return hub.stats();
    }

    /**
     * A sink that publishes what it is sent into this proxy ({@link #publish}); closing it leaves the proxy serving
     * (the proxy's owner closes it). For a stream that goes to a proxy someone else started, as {@code rerun4j demo
     * --live} does with its viewer's.
     *
     * @param lz4 compress ArrowMsg payloads
     */
    public Sink publisher(boolean lz4) {
        ProxyServer proxy = this;
        return new Sink() {
            @Override
            public void send(LogMessage message) throws IOException {
                proxy.publish(message, lz4);
            }

            @Override
            public void close() {
                // the proxy belongs to whoever started it
            }

            @Override
            public String toString() {
                return "publisher into " + proxy;
            }
        };
    }

    /**
     * Ends every reader's stream with {@code grpc-status: 0} once it has what was queued for it (a reader that
     * does not take it within 3 s is ended anyway), then stops listening. Viewers keep what they received.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<HubReader> readers = hub.close();
        readers.forEach(HubReader::finish);
        long deadline = System.nanoTime() + DRAIN_ON_CLOSE.toNanos();
        while (System.nanoTime() < deadline && !readers.stream().allMatch(HubReader::isDone)) {
            sleep(10);
        }
        readers.forEach(HubReader::abort);
        sleep(50);  // the trailers of the aborted ones reach the socket before it closes
        try {
            // Bounded: a connection that never lets go must not keep close() from returning.
            server.stop().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            server.closeAsync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.closeAsync();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ProxyServer[" + url() + "]";
    }

    /** {@code WriteMessages}: every request's {@code log_msg} into the hub, in order; one empty response at the end. */
    private static final class WriteHandler implements ServerCallHandler<ProxyMessage, byte[]> {
        private final MessageHub hub;
        private final Sink incoming;

        WriteHandler(MessageHub hub, Sink incoming) {
            this.hub = hub;
            this.incoming = incoming;
        }

        @Override
        public ServerCall.Listener<ProxyMessage> startCall(ServerCall<ProxyMessage, byte[]> call, Metadata headers) {
            call.request(1);
            return new ServerCall.Listener<>() {
                private boolean ended;

                @Override
                public void onMessage(ProxyMessage message) {
                    if (ended) {
                        return;
                    }
                    LogMsgCodec.Parsed parsed;
                    try {
                        parsed = LogMsgCodec.parse(message);
                    } catch (IOException e) {
                        end(Status.INVALID_ARGUMENT.withDescription("WriteMessagesRequest: " + e.getMessage()));
                        return;
                    }
                    LogMessage decoded = null;
                    if (incoming != null) {
                        try {
                            decoded = LogMessageCodec.decode(LogMsgCodec.decode(message));
                        } catch (IOException | RuntimeException e) {
                            end(Status.INVALID_ARGUMENT.withDescription("WriteMessagesRequest: " + ErrorText.describe(e)));
                            return;
                        }
                    }
                    if (!hub.publish(message, parsed.queue())) {
                        end(Status.UNAVAILABLE.withDescription("the proxy is shutting down"));
                        return;
                    }
                    if (incoming != null && decoded != null) {
                        try {
                            incoming.send(decoded);
                        } catch (IOException | RuntimeException e) {
                            end(Status.INTERNAL.withDescription("the receiving side refused a message: "
                                    + ErrorText.describe(e)));
                            return;
                        }
                    }
                    call.request(1);
                }

                @Override
                public void onHalfClose() {
                    if (!ended) {
                        ended = true;
                        call.sendHeaders(new Metadata());
                        call.sendMessage(new byte[0]);
                        call.close(Status.OK, new Metadata());
                    }
                }

                private void end(Status status) {
                    ended = true;
                    call.close(status, new Metadata());
                }
            };
        }
    }

    /** {@code ReadMessages}: headers at once (the web viewer waits for them), then the history and the live stream. */
    private static final class ReadHandler implements ServerCallHandler<byte[], ProxyMessage> {
        private final MessageHub hub;
        private final long backlogLimit;

        ReadHandler(MessageHub hub, long backlogLimit) {
            this.hub = hub;
            this.backlogLimit = backlogLimit;
        }

        @Override
        public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], ProxyMessage> call, Metadata headers) {
            HubReader reader = new HubReader(call, ServiceRequestContext.current().eventLoop(), backlogLimit);
            call.sendHeaders(new Metadata());
            call.request(1);  // the empty ReadMessagesRequest; nothing in it to wait for
            if (!hub.subscribe(reader)) {
                call.close(Status.UNAVAILABLE.withDescription("the proxy is shutting down"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return new ServerCall.Listener<>() {
                @Override
                public void onReady() {
                    reader.schedule();
                }

                @Override
                public void onCancel() {
                    reader.cancelled();
                    hub.unsubscribe(reader);
                }

                @Override
                public void onComplete() {
                    hub.unsubscribe(reader);
                }
            };
        }
    }
}
