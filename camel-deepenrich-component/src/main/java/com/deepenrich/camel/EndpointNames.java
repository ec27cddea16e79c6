package com.deepenrich.camel;

import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

import org.apache.camel.util.URISupport;

/** Endpoint URIs as they may be shown: in logs, metric tags, health-check details, the dev console. */
final class EndpointNames {

    private static final Set<String> SECRETS = Set.of("apikey", "callbacktoken", "proxyusername", "proxypassword");

    private EndpointNames() {
    }

    static String withoutSecrets(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return uri;
        }
        try {
            Map<String, Object> parameters = URISupport.parseQuery(uri.substring(query + 1));
            parameters.keySet().removeIf(name -> SECRETS.contains(name.toLowerCase()));
            String base = uri.substring(0, query);
            return parameters.isEmpty() ? base : base + "?" + URISupport.createQueryString(parameters);
        } catch (URISyntaxException e) {
            return uri.substring(0, query);
        }
    }
}
