package io.github.camelmapiq.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelmapiq.mapiq.MapiqConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * A route {@code from(mapiq:...)} whose consumer does not schedule itself ({@code startScheduler=false}): the
 * benchmark triggers each poll on its own thread, so a poll's duration is measured exactly (a synchronous route has
 * processed every record when the poll returns) and an error of the poll, out of memory included, reaches the
 * benchmark instead of a log line. The route only counts the records (and keeps the first ids, to change them).
 */
final class PolledRoute implements AutoCloseable {

    private static final String ROUTE_ID = "benchmark-consumer";
    private static final int IDS_KEPT = 100;

    private final CamelContext context;
    private final AtomicLong received = new AtomicLong();
    private final AtomicReference<Throwable> pollError = new AtomicReference<>();
    private final List<String> firstIds = Collections.synchronizedList(new ArrayList<>());

    PolledRoute(CamelContext context, String uri) throws Exception {
        this.context = context;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&startScheduler=false").routeId(ROUTE_ID).process(PolledRoute.this::count);
            }
        });
        context.start();
        consumer().setExceptionHandler(new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                pollError.compareAndSet(null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                pollError.compareAndSet(null, exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                pollError.compareAndSet(null, exception);
            }
        });
    }

    /** Runs one poll on the calling thread; answers the records the route received. */
    long poll() throws Exception {
        received.set(0);
        pollError.set(null);
        try {
            ((ScheduledPollConsumer) consumer()).run();
        } catch (OutOfMemoryError e) {
            throw new PollFailedException(e);
        }
        Throwable error = pollError.get();
        if (error != null) {
            throw new PollFailedException(error);
        }
        return received.get();
    }

    /** Records received so far by the current poll (for a poll cut short). */
    long received() {
        return received.get();
    }

    /** The ids of the first records received. */
    List<String> firstIds() {
        synchronized (firstIds) {
            return List.copyOf(firstIds);
        }
    }

    /** Stops the context, which also closes its connections: a listing in progress fails at once. */
    @Override
    public void close() {
        context.stop();
    }

    private DefaultConsumer consumer() {
        return (DefaultConsumer) context.getRoute(ROUTE_ID).getConsumer();
    }

    private void count(Exchange exchange) {
        received.incrementAndGet();
        if (firstIds.size() < IDS_KEPT) {
            String id = exchange.getMessage().getHeader(MapiqConstants.RECORD_ID, String.class);
            if (id != null) {
                firstIds.add(id);
            }
        }
    }

    /** A poll that did not complete: the consumer's own error, carried to the measurement. */
    static final class PollFailedException extends Exception {
        PollFailedException(Throwable cause) {
            super("The poll failed: " + cause, cause);
        }
    }
}
