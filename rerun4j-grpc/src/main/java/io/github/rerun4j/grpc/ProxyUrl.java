package io.github.rerun4j.grpc;

import io.github.rerun4j.sdk.InvalidArgumentException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A Rerun proxy URL: {@code rerun+http://HOST:PORT/proxy} (cleartext), {@code rerun+https://…} or
 * {@code rerun://…} (TLS). Without a port, 9876 (Rerun's {@code DEFAULT_PROXY_PORT}); {@code 0.0.0.0} means this
 * machine. {@code /proxy} only names the endpoint kind: gRPC calls go to the origin's root.
 *
 * @param host the host to connect to (IPv6 without brackets)
 * @param port the port
 * @param tls  whether the connection uses TLS
 */
public record ProxyUrl(String host, int port, boolean tls) {

    /** Validates the parts. */
    public ProxyUrl {
        if (host == null || host.isEmpty()) {
            throw new InvalidArgumentException("host", String.valueOf(host), "a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidArgumentException("port", String.valueOf(port), "1 to 65535");
        }
    }

    /** Rerun's default: {@code rerun+http://127.0.0.1:9876/proxy}. */
    public static ProxyUrl defaultUrl() {
        return new ProxyUrl("127.0.0.1", ProxyProtocol.DEFAULT_PORT, false);
    }

    /**
     * Parses {@code url}.
     *
     * @throws InvalidArgumentException naming the URL and the forms Rerun accepts
     */
    public static ProxyUrl parse(String url) {
        String expected = "rerun+http://HOST[:PORT]/proxy, rerun+https://HOST[:PORT]/proxy or rerun://HOST[:PORT]/proxy";
        if (url == null) {
            throw new InvalidArgumentException("url", "null", expected);
        }
        // A '+' turned into a space by a URL query ("rerun http://...") is what Rerun tolerates too.
        String text = url.trim().replaceFirst("^rerun (https?://)", "rerun+$1");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidArgumentException("url", url, expected);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls;
        switch (scheme) {
            case "rerun+http" -> tls = false;
            case "rerun+https", "rerun" -> tls = true;
            default -> throw new InvalidArgumentException("url", url, expected);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.getHost() == null || !path.equals("/proxy") && !path.equals("/proxy/")
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new InvalidArgumentException("url", url, expected);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        int port = uri.getPort() < 0 ? ProxyProtocol.DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new InvalidArgumentException("url", url, expected + ", PORT from 1 to 65535");
        }
        return new ProxyUrl(host, port, tls);
    }

    @Override
    public String toString() {
        return (tls ? "rerun+https://" : "rerun+http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port
                + "/proxy";
    }
}
