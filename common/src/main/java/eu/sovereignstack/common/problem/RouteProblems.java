package eu.sovereignstack.common.problem;

import java.util.Map;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Writes a problem straight from a Vert.x route, where no JAX-RS exception mapper runs. */
public final class RouteProblems {

    private RouteProblems() {
    }

    public static void send(RoutingContext context, ProblemType type, String detail, Map<String, String> headers) {
        if (context.response().headWritten()) {
            return;
        }
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, context.request().path(), null);
        headers.forEach(context.response()::putHeader);
        context.response()
                .setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
