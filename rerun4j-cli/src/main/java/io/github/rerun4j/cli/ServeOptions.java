package io.github.rerun4j.cli;

import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.hub.MemoryBudget;
import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.Option;

/**
 * Where and how the viewer is served, with Rerun's ports and flag names so that habits carry over: the page on
 * {@code --web-viewer-port} (9090), Rerun's gRPC message proxy on {@code --port} (9876, where every Rerun SDK's
 * {@code connect_grpc()} sends by default), both on {@code --bind}; {@code --no-browser} (view and demo).
 */
final class ServeOptions {

    /** Rerun's web viewer port. */
    static final int DEFAULT_WEB_VIEWER_PORT = 9090;
    /** Rerun's gRPC proxy port. */
    static final int DEFAULT_PORT = 9876;

    @Option(names = "--web-viewer-port", paramLabel = "M",
            description = "Port of the viewer's page (0: any free port). Default: " + DEFAULT_WEB_VIEWER_PORT + ", Rerun's")
    int webViewerPort = DEFAULT_WEB_VIEWER_PORT;

    @Option(names = "--port", paramLabel = "N",
            description = "Port of Rerun's gRPC proxy in the viewer: Rerun SDKs' connect_grpc() send to it and Rerun "
                    + "viewers read it (rerun+http://127.0.0.1:N/proxy); 0: any free port. Default: " + DEFAULT_PORT + ", Rerun's")
    int port = DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Address to listen on: an IPv4 or IPv6 address (::1 or [::1]) or a host name. Default: "
                    + Viewer.LOOPBACK + " (this machine only); 0.0.0.0 shares the recordings with the network.")
    String bind = Viewer.LOOPBACK;

    @Option(names = "--no-browser", description = "Do not try to open a browser; just print the address.")
    boolean noBrowser;

    @Option(names = "--memory-limit", paramLabel = "SIZE",
            description = "Recorded data (pixels, mostly) the viewer may hold in the Java heap, as Rerun's viewer "
                    + "--memory-limit: a recording that would go over it stops loading and says so. Images of files"
                    + " are mapped from the disk and do not count. Default: half the heap (JAVA_OPTS=-Xmx...)")
    String memoryLimit;

    /** {@code --memory-limit} as the viewer's budget: the default when not given, a usage error when not a size. */
    MemoryBudget memoryBudget() {
        if (memoryLimit == null) {
            return MemoryBudget.defaults();
        }
        long bytes = ByteSize.parse("--memory-limit", memoryLimit);
        if (bytes <= 0) {
            throw CliException.usage("invalid --memory-limit " + memoryLimit + ": expected a size above 0, such as 512MiB");
        }
        return MemoryBudget.ofBytes(bytes);
    }

    /**
     * {@code --bind} as the server takes it: an IPv6 literal loses the brackets it has in URLs ({@code [::1]}
     * becomes {@code ::1}); a name that does not resolve is a usage error now rather than a failure to serve.
     */
    String bindAddress() {
        String host = bind.strip();
        if (host.length() >= 2 && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String expected = "expected an IP address such as 127.0.0.1, ::1 (or [::1]) or 0.0.0.0, or a host name";
        if (host.isEmpty() || host.contains("[") || host.contains("]") || host.contains("/")) {
            throw CliException.usage("invalid --bind " + bind + ": " + expected);
        }
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw CliException.usage("invalid --bind " + bind + ": unknown host; " + expected, e);
        }
        return host;
    }

    /** {@code host:port} as in a URL: {@code [::1]:9876}. */
    static String hostAndPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
