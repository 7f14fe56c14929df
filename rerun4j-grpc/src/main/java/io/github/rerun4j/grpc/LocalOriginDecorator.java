package io.github.rerun4j.grpc;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.github.rerun4j.http.LocalOriginPolicy;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * {@link LocalOriginPolicy} in front of the proxy: a request whose {@code Host} (or HTTP/2 {@code :authority})
 * is not this server is 421 (DNS rebinding), one whose {@code Origin} is a page not served by this machine is
 * 403 (a foreign page must not read or write recordings), before gRPC sees it. Requests without an
 * {@code Origin} (SDKs, the native viewer) pass.
 */
final class LocalOriginDecorator implements DecoratingHttpServiceFunction {

    private final LocalOriginPolicy policy;

    LocalOriginDecorator(LocalOriginPolicy policy) {
        this.policy = policy;
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        int port = ((InetSocketAddress) ctx.localAddress()).getPort();
        Optional<LocalOriginPolicy.Rejection> rejection = policy.check(req.authority(), null, port, false);
        if (rejection.isPresent()) {
            return HttpResponse.of(HttpStatus.valueOf(rejection.get().status()), MediaType.PLAIN_TEXT_UTF_8,
                    rejection.get().message());
        }
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !policy.isLocalPage(origin)) {
            return HttpResponse.of(HttpStatus.FORBIDDEN, MediaType.PLAIN_TEXT_UTF_8, "invalid Origin '" + origin
                    + "': expected a page of this machine (http://localhost, http://127.0.0.1, any port)");
        }
        return delegate.serve(ctx, req);
    }
}
