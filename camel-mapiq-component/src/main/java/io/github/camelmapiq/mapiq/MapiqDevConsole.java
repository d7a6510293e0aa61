package io.github.camelmapiq.mapiq;

import java.time.Instant;
import java.util.Map;

import io.github.camelmapiq.mapiq.client.http.MapiqEndpointStatistics;
import io.github.camelmapiq.mapiq.consumer.monitoring.ConsumerStatistics;
import io.github.camelmapiq.mapiq.consumer.monitoring.MonitoredPollingConsumer;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code mapiq} dev console: per component its credential sets (token obtained and expiry, fetches, failures, last
 * error), per endpoint its calls, retries, 429 waits, errors and pages, per consumer its last poll, deliveries, state
 * and next poll. The same figures as the JMX attributes; never a token, client id or secret.
 */
@DevConsole(name = "mapiq", displayName = "Mapiq", description = "Mapiq tokens, calls and polls")
public class MapiqDevConsole extends AbstractDevConsole {

    public MapiqDevConsole() {
        super("camel", "mapiq", "Mapiq", "Mapiq tokens, calls and polls");
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray components = new JsonArray();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof MapiqComponent component) {
                components.add(component(name, component));
            }
        }
        root.put("components", components);
        JsonArray endpoints = new JsonArray();
        getCamelContext().getEndpoints().stream()
                .filter(MapiqEndpoint.class::isInstance)
                .map(MapiqEndpoint.class::cast)
                .forEach(endpoint -> endpoints.add(endpoint(endpoint)));
        root.put("endpoints", endpoints);
        JsonArray consumers = new JsonArray();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof MonitoredPollingConsumer consumer) {
                consumers.add(consumer(route.getRouteId(), consumer));
            }
        }
        root.put("consumers", consumers);
        return root;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        JsonObject json = (JsonObject) doCallJson(options);
        for (Object c : json.getCollection("components")) {
            JsonObject component = (JsonObject) c;
            sb.append("Component ").append(component.getString("name")).append(": ").append(component.get("calls"))
                    .append(" calls, ").append(component.get("retries")).append(" retries, ")
                    .append(component.get("failures")).append(" failures\n");
            for (Object t : component.getCollection("credentials")) {
                JsonObject tokens = (JsonObject) t;
                sb.append("    Credentials ").append(tokens.getString("credentials")).append(": token obtained at ")
                        .append(tokens.get("tokenObtainedAt")).append(", expires at ").append(tokens.get("tokenExpiresAt"))
                        .append(", ").append(tokens.get("tokenRequests")).append(" requests, ")
                        .append(tokens.get("tokenFailures")).append(" failures");
                if (tokens.get("lastTokenError") != null) {
                    sb.append(", last error at ").append(tokens.get("lastTokenErrorAt")).append(": ")
                            .append(tokens.get("lastTokenError"));
                }
                sb.append('\n');
            }
        }
        for (Object e : json.getCollection("endpoints")) {
            JsonObject endpoint = (JsonObject) e;
            sb.append("Endpoint ").append(endpoint.getString("uri")).append(": ").append(endpoint.get("calls"))
                    .append(" calls, ").append(endpoint.get("retries")).append(" retries, ")
                    .append(endpoint.get("rateLimitWaits")).append(" 429 waits (")
                    .append(endpoint.get("rateLimitWaitMillis")).append(" ms), errors ")
                    .append(endpoint.get("errorsByStatus")).append(", ").append(endpoint.get("pagesRead"))
                    .append(" pages read");
            if (endpoint.get("lastError") != null) {
                sb.append("\n    last error at ").append(endpoint.get("lastErrorAt")).append(": ")
                        .append(endpoint.get("lastError"));
            }
            sb.append('\n');
        }
        for (Object c : json.getCollection("consumers")) {
            JsonObject consumer = (JsonObject) c;
            sb.append("Consumer of route ").append(consumer.getString("routeId")).append(" (")
                    .append(consumer.getString("resource")).append("): last poll ").append(consumer.get("lastPollStarted"))
                    .append(" to ").append(consumer.get("lastPollEnded")).append(", ")
                    .append(consumer.get("lastPollDurationMillis")).append(" ms, ").append(consumer.get("lastPollOutcome"))
                    .append("; next poll due ").append(consumer.get("nextPollDue")).append('\n')
                    .append("    ").append(consumer.get("recordsDelivered")).append(" records delivered, changes ")
                    .append(consumer.get("changes")).append(", ").append(consumer.get("pagesRead"))
                    .append(" pages read; state ").append(consumer.get("stateKey")).append(" (")
                    .append(consumer.get("stateSize")).append(" entries, ")
                    .append(consumer.get("recordsInMemory")).append(" records in memory), cursor ").append(consumer.get("cursorPosition"))
                    .append('\n');
            if (consumer.get("lastPollError") != null) {
                sb.append("    last poll failed: ").append(consumer.get("lastPollError")).append('\n');
            }
        }
        return sb.toString();
    }

    private static JsonObject component(String name, MapiqComponent component) {
        JsonObject json = new JsonObject();
        json.put("name", name);
        json.put("calls", component.getCalls());
        json.put("retries", component.getRetries());
        json.put("failures", component.getFailures());
        JsonArray sets = new JsonArray();
        component.getClients().tokenStatistics().forEach((label, s) -> {
            JsonObject set = new JsonObject();
            set.put("credentials", label);
            set.put("tokenObtainedAt", text(s.obtainedAt()));
            set.put("tokenExpiresAt", text(s.expiresAt()));
            set.put("tokenRequests", s.requests());
            set.put("tokenFailures", s.failures());
            set.put("lastTokenError", s.lastError());
            set.put("lastTokenErrorAt", text(s.lastErrorAt()));
            sets.add(set);
        });
        json.put("credentials", sets);
        return json;
    }

    private static JsonObject endpoint(MapiqEndpoint endpoint) {
        MapiqEndpointStatistics s = endpoint.getStatistics();
        JsonObject json = new JsonObject();
        json.put("uri", endpoint.getEndpointUri());
        json.put("resource", endpoint.getResource().uriName());
        json.put("calls", s.calls());
        json.put("retries", s.retries());
        json.put("rateLimitWaits", s.rateLimitWaits());
        json.put("rateLimitWaitMillis", s.rateLimitWaitTime().toMillis());
        JsonObject errors = new JsonObject();
        errors.putAll(s.errorsByStatus());
        json.put("errorsByStatus", errors);
        json.put("lastError", s.lastError());
        json.put("lastErrorAt", text(s.lastErrorAt()));
        json.put("pagesRead", s.pages());
        json.put("recordsRead", s.records());
        return json;
    }

    private static JsonObject consumer(String routeId, MonitoredPollingConsumer consumer) {
        ConsumerStatistics s = consumer.getStatistics();
        JsonObject json = new JsonObject();
        json.put("routeId", routeId);
        json.put("resource", consumer.getEndpoint().getResource().uriName());
        json.put("lastPollStarted", consumer.getLastPollStarted());
        json.put("lastPollEnded", consumer.getLastPollEnded());
        json.put("lastPollDurationMillis", consumer.getLastPollDurationMillis());
        json.put("lastPollOutcome", consumer.getLastPollOutcome());
        json.put("lastPollError", consumer.getLastPollError());
        json.put("polls", new JsonObject(Map.of("success", consumer.getSuccessfulPolls(), "failure",
                consumer.getFailedPolls(), "skipped", consumer.getSkippedPolls())));
        json.put("recordsDelivered", s.recordsDelivered());
        JsonObject changes = new JsonObject();
        for (MapiqChangeType type : MapiqChangeType.values()) {
            changes.put(type.name(), s.changes(type));
        }
        json.put("changes", changes);
        json.put("pagesRead", s.pages());
        json.put("stateKey", consumer.getStateKey());
        json.put("stateSize", consumer.getStateSize());
        json.put("recordsInMemory", consumer.getRecordsInMemory());
        json.put("cursorPosition", consumer.getCursorPosition());
        json.put("nextPollDue", consumer.getNextPollDue());
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
