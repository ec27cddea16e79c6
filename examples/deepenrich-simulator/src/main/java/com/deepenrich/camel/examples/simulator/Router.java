package com.deepenrich.camel.examples.simulator;

import java.util.List;
import java.util.Optional;

/**
 * Maps a method and path under the base path to an endpoint. A template may end with {@code /{id}}.
 */
final class Router {

    private static final String ID = "{id}";

    record Route(String method, String template, Endpoint endpoint) {

        String key() {
            return method + " " + template;
        }
    }

    /** A matched route; {@code key} is the statistics key, e.g. {@code "GET /contact/enrich/bulk/{id}"}. */
    record Match(String key, Endpoint endpoint, String pathParameter) {
    }

    private final String basePath;
    private final List<Route> routes;

    Router(String basePath, List<Route> routes) {
        this.basePath = basePath;
        this.routes = List.copyOf(routes);
    }

    Optional<Match> match(String method, String rawPath) {
        if (!rawPath.startsWith(basePath)) {
            return Optional.empty();
        }
        String path = rawPath.substring(basePath.length());
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<String> parameter = parameter(route.template(), path);
                if (parameter.isPresent()) {
                    return Optional.of(new Match(route.key(), route.endpoint(), parameter.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Empty when the path does not match the template; the {id} value, or "" without one, when it does. */
    private static Optional<String> parameter(String template, String path) {
        if (!template.endsWith(ID)) {
            return template.equals(path) ? Optional.of("") : Optional.empty();
        }
        String prefix = template.substring(0, template.length() - ID.length());
        String id = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
    }
}
