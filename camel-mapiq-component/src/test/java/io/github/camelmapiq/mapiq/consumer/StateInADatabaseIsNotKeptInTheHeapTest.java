package io.github.camelmapiq.mapiq.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.consumer.state.JdbcSnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MutableClock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its state in a database ({@code stateDataSource}) a {@code changesOnly} consumer keeps no record in the heap
 * between polls: each poll looks up the records of each page and scans the table once for deletions. It delivers the
 * same changes as with the file store, record by record, and a listing that breaks off yields no deletion.
 */
class StateInADatabaseIsNotKeptInTheHeapTest extends ConsumerTestSupport {

    @TempDir
    static Path dir;

    private static DataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("state") + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    @Test
    void theStateLivesInTheDatabaseAndARestartReadsOnlyThePagesAndOneScan() throws Exception {
        List<String> ids = usersWith(30, "Heapless");
        String key = "heapless-" + System.nanoTime();
        String options = "changesOnly=true&pageSize=10&stateKey=" + key + "&" + FAST;

        Recorder inDatabase = new Recorder();
        Recorder inFile = new Recorder();
        CamelContext first = newContext();
        first.getRegistry().bind("db", database());
        first.addRoutes(routes(Map.of("db", "mapiq:users?stateDataSource=#db&" + options, "file",
                "mapiq:users?stateFile=" + dir.resolve(key + ".state") + "&" + options), Map.of("db", inDatabase,
                        "file", inFile)));
        first.start();
        eventually().until(() -> inDatabase.size() == ids.size() && inFile.size() == ids.size());
        awaitPolls("/v2/users", 4);
        MapiqPollingConsumer db = betweenPolls(first, "db");
        MapiqPollingConsumer file = betweenPolls(first, "file");
        assertThat(db.getRecordsInMemory()).as("records held in the heap with stateDataSource").isZero();
        assertThat(file.getRecordsInMemory()).as("records held in the heap with stateFile").isEqualTo(ids.size());
        assertThat(rows(key)).containsExactlyInAnyOrderElementsOf(ids);
        first.stop();

        LookupCounting counting = new LookupCounting(new JdbcSnapshotStore(database()));
        Recorder again = new Recorder();
        CamelContext second = newContext();
        second.getRegistry().bind("counting", counting);
        second.addService(counting.delegate);
        second.addRoutes(routes(Map.of("db", "mapiq:users?snapshotStore=#counting&" + options), Map.of("db", again)));
        second.start();
        awaitPolls("/v2/users", 3);
        MapiqPollingConsumer restarted = betweenPolls(second, "db");
        assertThat(again.size()).as("nothing changed, nothing is delivered").isZero();
        assertThat(restarted.getRecordsInMemory()).isZero();
        assertThat(counting.loads).as("the whole state is never loaded").hasValue(0);
        assertThat(counting.scans).as("complete listings scan the table for deletions").doesNotHaveValue(0);
        assertThat(counting.lookups).as("one lookup per page of ten read, bodies never read")
                .hasSize((int) restarted.getPagesRead()).allMatch(lookup -> lookup.matches("(10|[1-9]) ids, no bodies"));
    }

    /**
     * A poll of a key the store holds nothing of (a first poll) looks nothing up and scans nothing: what it could read
     * back is only what it marked itself. The next poll looks up each page and scans once.
     */
    @Test
    void aPollOfAnEmptyStateLooksNothingUp() throws Exception {
        List<String> ids = usersWith(25, "Empty");
        String key = "empty-" + System.nanoTime();
        LookupCounting counting = new LookupCounting(new JdbcSnapshotStore(database())) {
            @Override
            public boolean holdsAny(String stateKey) throws Exception {
                return delegate.holdsAny(stateKey);
            }
        };
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        context.getRegistry().bind("counting", counting);
        context.addService(counting.delegate);
        context.addRoutes(routes(Map.of("db", "mapiq:users?snapshotStore=#counting&changesOnly=true&pageSize=10"
                                              + "&startScheduler=false&stateKey=" + key), Map.of("db", recorder)));
        context.start();
        MapiqPollingConsumer consumer = (MapiqPollingConsumer) context.getRoute("db").getConsumer();
        consumer.run();
        assertThat(recorder.ids()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(counting.lookups).as("lookups of the first poll").isEmpty();
        assertThat(counting.scans).as("scans of the first poll").hasValue(0);
        assertThat(rows(key)).containsExactlyInAnyOrderElementsOf(ids);

        long pagesBefore = consumer.getPagesRead();
        consumer.run();
        assertThat(recorder.size()).as("nothing changed, nothing is delivered").isEqualTo(ids.size());
        assertThat(counting.lookups).as("one lookup per page of the second poll")
                .hasSize((int) (consumer.getPagesRead() - pagesBefore)).isNotEmpty();
        assertThat(counting.scans).hasValue(1);
    }

    @Test
    void changesArriveRecordByRecordAsWithTheFileStore() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        String userId = id(addUser("Window"));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String leaving = id(control.add("workspace-reservations", reservation(userId, today, 17)));
        String deleted = id(control.add("workspace-reservations", reservation(userId, today.plusDays(1), 17)));
        String updated = id(control.add("workspace-reservations", reservation(userId, today.plusDays(1), 12)));
        String key = "changes-" + System.nanoTime();
        String options = "changesOnly=true&deletedRecordBodies=true&startDate=today&endDate=today%2B1d&timeZone=UTC"
                         + "&userId=" + userId + "&stateKey=" + key + "&" + FAST;
        Recorder inDatabase = new Recorder();
        Recorder inFile = new Recorder();
        CamelContext context = newContext();
        context.getRegistry().bind("db", database());
        context.addRoutes(routes(Map.of("db", "mapiq:workspace-reservations?stateDataSource=#db&" + options, "file",
                "mapiq:workspace-reservations?stateFile=" + dir.resolve(key + ".state") + "&" + options),
                Map.of("db", inDatabase, "file", inFile)));
        context.start();
        for (String route : List.of("db", "file")) {
            ((MapiqPollingConsumer) context.getRoute(route).getConsumer()).setClock(clock);
        }
        eventually().until(() -> inDatabase.size() == 3 && inFile.size() == 3);

        control.update("workspace-reservations", updated, Map.of("endTime",
                today.plusDays(1).atTime(13, 0).atOffset(ZoneOffset.UTC).toString()));
        control.delete("workspace-reservations", deleted);
        clock.advance(Duration.ofDays(1)); // the window is now tomorrow..tomorrow+1: 'leaving' is out of it
        String created = id(control.add("workspace-reservations", reservation(userId, today.plusDays(2), 17)));
        eventually().until(() -> inDatabase.size() == 6 && inFile.size() == 6);
        awaitPolls("/v2/reservations/workspaces", 4);

        assertThat(inDatabase.changes()).containsExactlyInAnyOrder("CREATED " + leaving, "CREATED " + deleted,
                "CREATED " + updated, "UPDATED " + updated, "DELETED " + deleted, "CREATED " + created);
        assertThat(records(inDatabase)).containsExactlyInAnyOrderElementsOf(records(inFile));
        assertThat(bodyOf(inDatabase, "DELETED " + deleted)).as("a deleted record's body is its last known body")
                .contains("\"id\":\"" + deleted + "\"").contains(today.plusDays(1) + "T09:00");
        assertThat(bodyOf(inDatabase, "UPDATED " + updated)).contains(today.plusDays(1) + "T13:00");
        assertThat(rows(key)).as("the record that left the window is forgotten")
                .containsExactlyInAnyOrder(updated, created);
    }

    @Test
    void aListingBrokenMidWayYieldsNoDeletion() throws Exception {
        List<String> ids = usersWith(10, "Broken");
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        context.getRegistry().bind("db", database());
        Processor breakTheListing = exchange -> {
            if (exchange.getMessage().getHeader(MapiqConstants.CHANGE_TYPE) == MapiqChangeType.UPDATED) {
                // sent once the next change is read (page 1); the pages after the one fetched ahead fail
                control.injectFault(Fault.status(500).onPath("/v2/users"));
            }
        };
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?changesOnly=true&pageSize=2&maxRetries=0&stateDataSource=#db&stateKey=broken-"
                     + System.nanoTime() + "&" + FAST).routeId("db").process(breakTheListing).process(recorder);
            }
        });
        context.start();
        eventually().until(() -> recorder.size() == ids.size());
        MapiqPollingConsumer consumer = betweenPolls(context, "db");
        String first = recorder.ids().get(0); // both on the first page
        String second = recorder.ids().get(1);
        String last = recorder.ids().get(ids.size() - 1); // on the last page

        control.update("users", first, Map.of("lastName", "First"));
        control.update("users", second, Map.of("lastName", "Second"));
        control.delete("users", last);
        long failedBefore = consumer.getFailedPolls();
        consumer.resume();
        eventually().until(() -> consumer.getFailedPolls() >= failedBefore + 3);
        assertThat(recorder.changesFrom(ids.size())).as("the broken listings delivered no deletion")
                .containsExactly("UPDATED " + first, "UPDATED " + second);

        control.clearFaults();
        eventually().until(() -> recorder.size() == ids.size() + 3);
        awaitPolls("/v2/users", 2);
        assertThat(recorder.changesFrom(ids.size())).containsExactly("UPDATED " + first, "UPDATED " + second,
                "DELETED " + last);
    }

    /** The consumer of {@code route}, suspended once its poll has finished. */
    private static RouteBuilder routes(Map<String, String> uris, Map<String, Recorder> recorders) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                uris.forEach((route, uri) -> from(uri).routeId(route).process(recorders.get(route)));
            }
        };
    }

    /** {@code "TYPE id body"} per exchange, the body as JSON. */
    private static List<String> records(Recorder recorder) {
        List<String> records = new ArrayList<>();
        for (Exchange exchange : recorder.exchanges) {
            records.add(change(exchange) + " " + json(exchange));
        }
        return records;
    }

    private static String bodyOf(Recorder recorder, String change) {
        return recorder.exchanges.stream().filter(e -> change.equals(change(e))).map(
                StateInADatabaseIsNotKeptInTheHeapTest::json).findFirst().orElseThrow();
    }

    private static String change(Exchange exchange) {
        return exchange.getMessage().getHeader(MapiqConstants.CHANGE_TYPE) + " "
               + exchange.getMessage().getHeader(MapiqConstants.RECORD_ID);
    }

    private static String json(Exchange exchange) {
        try {
            return MapiqJson.mapper().writeValueAsString(exchange.getMessage().getBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> reservation(String userId, LocalDate day, int endHour) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("userId", userId);
        r.put("startTime", day.atTime(9, 0).atOffset(ZoneOffset.UTC).toString());
        r.put("endTime", day.atTime(endHour, 0).atOffset(ZoneOffset.UTC).toString());
        return r;
    }

    private static List<String> rows(String key) throws Exception {
        return StateInADatabaseTestSupport.rows(database(), key);
    }

    /** A user's store that looks records up, by passing each call on to a JDBC store; it counts what is read. */
    static class LookupCounting extends StateInADatabaseTestSupport.CountingStore {
        final AtomicInteger loads = new AtomicInteger();
        final AtomicInteger scans = new AtomicInteger();
        final List<String> lookups = new CopyOnWriteArrayList<>();

        LookupCounting(JdbcSnapshotStore delegate) {
            super(delegate);
        }

        @Override
        public boolean supportsLookup() {
            return true;
        }

        @Override
        public Map<String, StoredRecord> find(String key, Collection<String> ids, boolean withBodies)
                throws Exception {
            lookups.add(ids.size() + " ids, " + (withBodies ? "bodies" : "no bodies"));
            return delegate.find(key, ids, withBodies);
        }

        @Override
        public void scan(String key, Loader loader) throws Exception {
            scans.incrementAndGet();
            delegate.scan(key, loader);
        }

        @Override
        public void load(String key, Loader loader) throws Exception {
            loads.incrementAndGet();
            delegate.load(key, loader);
        }
    }
}
