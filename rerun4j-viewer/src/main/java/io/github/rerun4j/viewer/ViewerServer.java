package io.github.rerun4j.viewer;

import io.github.rerun4j.viewer.api.ApiRoutes;
import io.github.rerun4j.viewer.api.EventStream;
import io.github.rerun4j.viewer.api.FiniteNumbers;
import io.github.rerun4j.viewer.hub.RecordingHub;
import io.github.rerun4j.viewer.http.BadPathErrorHandler;
import io.github.rerun4j.viewer.http.LocalOriginFilter;
import io.github.rerun4j.http.LocalOriginPolicy;
import io.github.rerun4j.viewer.http.ServerLimits;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.http.staticfiles.Location;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP server: the page and its ES modules from the jar, three.js from its WebJar, the JSON API
 * and the event stream, all on one port. Bound to loopback unless told otherwise.
 *
 * <pre>{@code
 * RecordingHub hub = new RecordingHub();
 * try (ViewerServer server = ViewerServer.start(hub, "127.0.0.1", 0)) {
 *     System.out.println(server.url());
 * }
 * }</pre>
 */
public final class ViewerServer implements AutoCloseable {

    /** Where the page's files live in the jar. */
    static final String WEB_ROOT = "/io/github/rerun4j/viewer/web";

    private static final Logger LOG = LoggerFactory.getLogger(ViewerServer.class);

    private final Javalin app;
    private final EventStream events;
    private final URI url;

    private ViewerServer(Javalin app, EventStream events, URI url) {
        this.app = app;
        this.events = events;
        this.url = url;
    }

    /**
     * Starts serving {@code hub}.
     *
     * @param bind an address or host name to listen on ({@code 127.0.0.1} keeps the viewer private); IPv6
     *             with or without brackets ({@code ::1}, {@code [::1]})
     * @param port a port, or 0 for any free one
     * @throws ViewerStartException if the port is taken or the address cannot be bound
     */
    public static ViewerServer start(RecordingHub hub, String bind, int port) {
        return start(hub, bind, port, ServerLimits.defaults());
    }

    /**
     * Starts serving {@code hub} within {@code limits} (event streams, heavy requests, heartbeat).
     *
     * @throws ViewerStartException if the port is taken or the address cannot be bound; nothing is left
     *                              running then
     */
    public static ViewerServer start(RecordingHub hub, String bind, int port, ServerLimits limits) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + ": expected 0..65535");
        }
        EventStream events = new EventStream(hub, limits.heartbeat(), limits.maxEventStreams());
        ApiRoutes api = new ApiRoutes(hub, limits.maxHeavyRequests());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Numbers that are not finite are null: JSON has no NaN, and a string in a numeric field misleads.
            config.jsonMapper(new JavalinJackson(JavalinJackson.defaultMapper().registerModule(FiniteNumbers.module()), false));
            // Paths Jetty rejects before routing (.., %2e%2e, encoded slashes) are 404 like any other miss.
            config.jetty.modifyServer(server -> server.setErrorHandler(new BadPathErrorHandler()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = WEB_ROOT;
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            // First: a request for another host name (DNS rebinding) or from a foreign page reaches nothing.
            new LocalOriginFilter(LocalOriginPolicy.forBind(bind)).register(config.routes);
            api.register(config.routes);
            events.register(config.routes);
            // Javalin's own answers (no such path or method) are JSON like every other error.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                    .json(Map.of("error", e.getStatus() == 404
                            ? "not found: the server does not serve " + ctx.method() + " " + ctx.path()
                            : e.getMessage())));
            // A bug must not print a stack trace into the user's terminal nor leave the page without an answer.
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.debug("unexpected error answering {}", ctx.path(), e);
                ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            });
        });
        String host = unbracketed(bind);
        try {
            app.start(host, port);
            return new ViewerServer(app, events, URI.create("http://" + hostForUrl(host) + ":" + app.port() + "/"));
        } catch (RuntimeException e) {
            // Whatever failed, nothing this call started may outlive it (threads, a bound socket).
            events.close();
            try {
                app.stop();
            } catch (RuntimeException ignored) {
                // Stopping a server that never started fully may fail too; the cause below is what matters.
            }
            throw new ViewerStartException("cannot serve the viewer on " + bind + ":" + port + ": " + rootMessage(e), e);
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:9090/}. */
    public URI url() {
        return url;
    }

    public int port() {
        return app.port();
    }

    /** Event streams open now: a measure for tests and monitoring (each holds a socket). */
    public int openEventStreams() {
        return events.openStreams();
    }

    /** The address and port the server socket listens on (e.g. loopback unless told otherwise). */
    public InetSocketAddress boundAddress() {
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector server
                    && server.getTransport() instanceof java.nio.channels.ServerSocketChannel channel) {
                try {
                    return (InetSocketAddress) channel.getLocalAddress();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("the viewer has no open server socket");
    }

    /** True if {@code bind} is a loopback address (only this machine can connect). */
    public static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        events.close();
        app.stop();
    }

    /** {@code [::1]} as written in a URL is the address {@code ::1} to listen on. */
    private static String unbracketed(String bind) {
        String b = bind.trim();
        return b.length() > 2 && b.startsWith("[") && b.endsWith("]") ? b.substring(1, b.length() - 1) : b;
    }

    private static String hostForUrl(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            return "127.0.0.1";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof java.nio.channels.UnresolvedAddressException) {
            return "unknown host (expected an IP address such as 127.0.0.1 or ::1, or a name this machine resolves)";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
