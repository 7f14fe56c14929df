package io.github.rerun4j.viewer.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it rejects before any route sees them. A request line with {@code ..} above the
 * root, {@code %2e%2e}, encoded slashes, backslashes, NUL or a foreign authority is 400 in Jetty; here it is
 * 404 with a JSON error, like any other path that leads nowhere, so a probe learns nothing from the status.
 * Jetty does not keep the rejected target, so every such 400 is answered this way. Every other error Jetty
 * answers itself (414 URI too long, 431 headers too large, 505 version) keeps its status and is JSON too,
 * never an HTML page.
 *
 * <pre>{@code
 * config.jetty.modifyServer(server -> server.setErrorHandler(new BadPathErrorHandler()));
 * }</pre>
 */
public final class BadPathErrorHandler extends ErrorHandler {

    static final String BODY = "{\"error\":\"not found: the server does not serve this path\"}";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : 500;
        String body = status == 400 ? BODY : "{\"error\":\"" + status + " " + jsonText(HttpStatus.getMessage(status)) + "\"}";
        response.setStatus(status == 400 ? 404 : status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** A reason phrase inside a JSON string (Jetty's phrases are plain ASCII; quotes and backslashes go). */
    private static String jsonText(String text) {
        return text == null ? "error" : text.replaceAll("[^ -~]|[\"\\\\]", "");
    }
}
