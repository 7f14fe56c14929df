package io.github.rerun4j.viewer.http;

import io.github.rerun4j.http.LocalOriginPolicy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@link LocalOriginPolicy} in front of every Javalin route and static file: a request for another host is
 * 421, an API request from a foreign page 403, both with a JSON error, before any handler sees them.
 *
 * <pre>{@code
 * new LocalOriginFilter(LocalOriginPolicy.forBind(bind)).register(config.routes);   // register it first
 * }</pre>
 */
public final class LocalOriginFilter {

    private final LocalOriginPolicy policy;

    public LocalOriginFilter(LocalOriginPolicy policy) {
        this.policy = policy;
    }

    /** Adds the check as the first before-handler of every path. */
    public void register(RoutesConfig routes) {
        routes.before(this::check);
    }

    private void check(Context ctx) {
        boolean api = ctx.path().equals("/api") || ctx.path().startsWith("/api/");
        policy.check(ctx.header("Host"), ctx.header("Origin"), ctx.req().getLocalPort(), api).ifPresent(rejection -> {
            ctx.status(rejection.status())
                    .header("Cache-Control", "no-store")
                    .json(Map.of("error", rejection.message()));
            ctx.skipRemainingHandlers();
        });
    }
}
