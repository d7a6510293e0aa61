package io.github.camelmapiq.mapiq.consumer;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The process {@link KilledConsumerLosesNothingTest} kills: a {@code changesOnly} route on users against the
 * simulator of the parent JVM, which appends each change it receives to a "downstream" file, with an fsync per
 * exchange, before the exchange completes. Arguments: base URL, token URL, downstream file, then either
 * {@code file <stateFile>} or {@code jdbc <url>}; optionally more endpoint options ({@code a=b&c=d}, or {@code -}) and a
 * status file, which then holds the consumer's readiness ({@code UP}, or {@code DOWN} and the message), rewritten every
 * 100 ms. Runs until killed.
 */
public final class CrashTestConsumerMain {

    /** How long each exchange waits after its line is written, before it completes and the state is stored. */
    private static final long SETTLE_MILLIS = Long.getLong("mapiq.crash.settleMillis", 0);

    private CrashTestConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread parentWatch = new Thread(() -> { // standard input is a pipe from the test: its end means the test is gone
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; only the end matters
                }
            } catch (java.io.IOException ignored) {
                // the same: the test is gone
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        String baseUrl = args[0];
        String tokenUrl = args[1];
        Path downstream = Path.of(args[2]);
        String store = args[3];
        String where = args[4];
        String options = args.length > 5 && !args[5].equals("-") ? "&" + args[5] : "";
        Path status = args.length > 6 ? Path.of(args[6]) : null;

        CamelContext context = new DefaultCamelContext();
        MapiqComponent component = new MapiqComponent();
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setTokenUrl(tokenUrl);
        component.getConfiguration().setClientId(MapiqSimulator.DEMO_CLIENT_ID);
        component.getConfiguration().setClientSecret(MapiqSimulator.DEMO_CLIENT_SECRET);
        component.getConfiguration().setRetryInitialDelay(10);
        context.addComponent("mapiq", component);
        String state;
        if (store.equals("jdbc")) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(where);
            dataSource.setUser("postgres");
            context.getRegistry().bind("db", dataSource);
            state = "stateDataSource=#db";
        } else {
            state = "stateFile=" + where;
        }
        ObjectMapper mapper = new ObjectMapper();
        FileChannel out = FileChannel.open(downstream, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?changesOnly=true&outputFormat=json&maxMessagesPerPoll=20&delay=20&initialDelay=0&"
                     + state + options)
                        .routeId("users-downstream")
                        .process(exchange -> {
                            String body = exchange.getMessage().getBody(String.class);
                            JsonNode record = body == null ? null : mapper.readTree(body);
                            String department = record == null ? "-" : record.path("department").asText("-");
                            String line = exchange.getMessage().getHeader(MapiqConstants.CHANGE_TYPE) + " "
                                          + exchange.getMessage().getHeader(MapiqConstants.RECORD_ID) + " "
                                          + department + "\n";
                            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                            synchronized (out) {
                                while (bytes.hasRemaining()) {
                                    out.write(bytes);
                                }
                                out.force(false);
                            }
                            // delivered, not yet stored: a while in which the test kills on purpose
                            Thread.sleep(SETTLE_MILLIS);
                        });
            }
        });
        if (status != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(context);
            registry.register(registry.resolveById("consumers"));
        }
        context.start();
        while (status != null) {
            String readiness = HealthCheckHelper.invokeReadiness(context, "full").stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:users-downstream")).findFirst()
                    .map(r -> r.getState() + " " + r.getMessage().orElse("")).orElse("UNKNOWN");
            // replaced whole, never truncated then written: a reader never finds it empty
            Path next = status.resolveSibling(status.getFileName() + ".next");
            Files.writeString(next, readiness);
            Files.move(next, status, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(100);
        }
        Thread.currentThread().join();
    }
}
