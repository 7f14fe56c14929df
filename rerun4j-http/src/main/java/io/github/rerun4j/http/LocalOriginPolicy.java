package io.github.rerun4j.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which requests a rerun4j server answers, against DNS rebinding: a web page on {@code attacker.example} whose
 * name starts resolving to 127.0.0.1 becomes same-origin with the server in the user's browser, but its
 * requests still carry {@code Host: attacker.example}. So a request is answered only when its {@code Host}
 * names this server (a loopback name, the address or name it was bound to, or any IP literal when bound to
 * every interface: a literal cannot be rebound) with the server's port, and, for the API, when its
 * {@code Origin} (sent by browsers on cross-origin requests) is absent or names this server the same way.
 *
 * <p>Plain strings in, a verdict out: no server types, so every server rerun4j starts (the viewer's Javalin
 * server, the gRPC message proxy of {@code rerun4j-grpc}) makes the same decision through its own small adapter
 * (the viewer's {@code LocalOriginFilter} for Javalin, the proxy's {@code LocalOriginDecorator} for Armeria).
 *
 * <p>A server that other pages may call on purpose (the gRPC proxy, which the web viewer reads from another
 * port) allows cross-origin requests only from {@link #isLocalPage(String) pages of this machine}.
 *
 * <pre>{@code
 * LocalOriginPolicy policy = LocalOriginPolicy.forBind("127.0.0.1");
 * policy.check("attacker.example:9876", null, 9876, true);   // Optional[Rejection[status=421, ...]]
 * policy.check("localhost:9876", null, 9876, true);          // Optional.empty()
 * }</pre>
 */
public final class LocalOriginPolicy {

    /** The status for a request whose {@code Host} is not this server (RFC 9110 §15.5.20). */
    public static final int MISDIRECTED = 421;
    /** The status for an API request from a foreign page ({@code Origin}). */
    public static final int FORBIDDEN = 403;

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final String boundName;
    private final boolean everyInterface;

    private LocalOriginPolicy(String boundName, boolean everyInterface) {
        this.boundName = boundName;
        this.everyInterface = everyInterface;
    }

    /**
     * The policy of a server bound to {@code bind} (an address or host name as given to the server, IPv6 with
     * or without brackets).
     */
    public static LocalOriginPolicy forBind(String bind) {
        String name = unbracket(bind.trim().toLowerCase(Locale.ROOT));
        return new LocalOriginPolicy(name, WILDCARDS.contains(name));
    }

    /** Why a request is refused: the status to answer and a one-line message naming the header and value. */
    public record Rejection(int status, String message) {
    }

    /**
     * The verdict on one request.
     *
     * @param host       the {@code Host} header as received (null if absent)
     * @param origin     the {@code Origin} header as received (null if absent)
     * @param serverPort the port the request arrived on
     * @param api        whether the request is for the API (where a foreign {@code Origin} is refused)
     * @return empty to answer the request, else the rejection
     */
    public Optional<Rejection> check(String host, String origin, int serverPort, boolean api) {
        if (host == null || !allowed(host, serverPort)) {
            return Optional.of(new Rejection(MISDIRECTED, "invalid Host '" + host + "': expected this server ("
                    + expectedNames() + ") with port " + serverPort));
        }
        if (api && origin != null && !allowedOrigin(origin, serverPort)) {
            return Optional.of(new Rejection(FORBIDDEN, "invalid Origin '" + origin
                    + "': expected none or http://" + expectedNames() + " with port " + serverPort
                    + " (the API answers only this server's own page)"));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code origin} is a page served by this machine, on any port: {@code http} or {@code https} with a
     * loopback name or the name this server was bound to (as Rerun's proxy allows {@code *://localhost[:*]}
     * and {@code *://127.0.0.1[:*]}). Used for CORS, where the calling page is on another port than the server.
     */
    public boolean isLocalPage(String origin) {
        if (origin == null) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        if (scheme == null || !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")
                || uri.getRawAuthority() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String name = unbracket(uri.getHost().toLowerCase(Locale.ROOT));
        return LOOPBACK_NAMES.contains(name) || name.equals("0:0:0:0:0:0:0:1")
                || !everyInterface && name.equals(boundName);
    }

    private String expectedNames() {
        String names = "localhost, 127.0.0.1, [::1]";
        if (everyInterface) {
            return names + " or an IP address of this machine";
        }
        if (!LOOPBACK_NAMES.contains(boundName)) {
            names += " or " + (boundName.contains(":") ? "[" + boundName + "]" : boundName);
        }
        return names;
    }

    private boolean allowedOrigin(String origin, int serverPort) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        // "null" (sandboxed frames, file: pages) has no scheme and is foreign like any other page.
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            return false;
        }
        return allowed(uri.getRawAuthority(), serverPort);
    }

    /** {@code authority} is {@code name[:port]} or {@code [v6][:port]}, naming this server and its port. */
    private boolean allowed(String authority, int serverPort) {
        String name;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return false;
            }
            port = rest.isEmpty() ? null : rest.substring(1);
            if (!IPV6.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                return false;
            }
        } else {
            int colon = authority.indexOf(':');
            if (colon != authority.lastIndexOf(':')) {
                return false; // an unbracketed IPv6 literal is not a valid Host
            }
            name = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : authority.substring(colon + 1);
        }
        int effectivePort = 80;
        if (port != null) {
            if (!PORT.matcher(port).matches()) {
                return false;
            }
            effectivePort = Integer.parseInt(port);
        }
        return effectivePort == serverPort && namesThisServer(name.toLowerCase(Locale.ROOT));
    }

    private boolean namesThisServer(String name) {
        if (LOOPBACK_NAMES.contains(name) || name.equals(boundName) || name.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        // DNS rebinding needs a name the attacker controls; an IP literal is not one.
        return everyInterface && (IPV4.matcher(name).matches() || name.contains(":") && IPV6.matcher(name).matches());
    }

    private static String unbracket(String name) {
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }
}
