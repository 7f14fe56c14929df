package io.github.rerun4j.viewer.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it rejects before any route sees them. A request line with {@code ..} above the
 * root, {@code %2e%2e}, encoded slashes, backslashes, NUL or a foreign authority is 400 in Jetty; here it is
 * 404 with a JSON error, like any other path that leads nowhere, so a probe learns nothing from the status.
 * Jetty does not keep the rejected target, so every such 400 is answered this way; other statuses keep
 * Jetty's own page.
 *
 * <pre>{@code
 * config.jetty.modifyServer(server -> server.setErrorHandler(new BadPathErrorHandler()));
 * }</pre>
 */
public final class BadPathErrorHandler extends ErrorHandler {

    static final String BODY = "{\"error\":\"not found: the server does not serve this path\"}";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!(request.getAttribute(ERROR_STATUS) instanceof Integer status) || status != 400) {
            return super.handle(request, response, callback);
        }
        response.setStatus(404);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(BODY.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
