package io.github.camelmapiq.examples.quarkus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * A test bean Camel Quarkus finds in the registry and adds as an event notifier: it keeps the body of each exchange
 * a route completed, by route id, so the test sees the records that arrived in the example's routes.
 */
@Singleton
@Named("arrivedRecords")
public class ArrivedRecords extends EventNotifierSupport {

    private final Map<String, Object> bodies = new ConcurrentHashMap<>();

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeCompletedEvent) event).getExchange();
        if (exchange.getFromRouteId() != null && exchange.getMessage().getBody() != null) {
            bodies.put(exchange.getFromRouteId(), exchange.getMessage().getBody());
        }
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent;
    }

    /** The last body the route completed with, as a list (empty if none yet). */
    public List<?> of(String routeId) {
        Object body = bodies.get(routeId);
        return body instanceof List<?> list ? list : body == null ? List.of() : List.of(body);
    }
}
