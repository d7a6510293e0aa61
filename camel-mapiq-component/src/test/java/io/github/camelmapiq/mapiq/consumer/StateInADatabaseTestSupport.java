package io.github.camelmapiq.mapiq.consumer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.consumer.state.JdbcSnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code changesOnly} with its state in a database ({@code stateDataSource}): one row per record, a restart neither
 * repeats nor loses, a poll with 20 changes writes those 20 rows, and the check-in cursor is a row too. Run on H2 and on
 * PostgreSQL by the subclasses.
 */
abstract class StateInADatabaseTestSupport extends ConsumerTestSupport {

    /** A DataSource on the database under test; each call a new object on the same database. */
    abstract DataSource dataSource();

    /** A DataSource on the same database whose connections' current schema is {@code schema}, made when missing. */
    abstract DataSource dataSourceInSchema(String schema) throws Exception;

    @Test
    void idsAndStateKeysOfSixHundredCharactersAreStored() throws Exception {
        String key = "long-key-" + "k".repeat(591);
        String longId = "long-id-" + "0123456789".repeat(60).substring(8);
        assertThat(key).hasSize(600);
        assertThat(longId).hasSize(600);
        Map<String, Object> user = new java.util.LinkedHashMap<>();
        user.put("id", longId);
        user.put("email", "long@example.com");
        user.put("firstName", "Long");
        user.put("lastName", "Id");
        control.add("users", user);
        int n = allIds("users").size();
        String uri = "mapiq:users?changesOnly=true&deletedRecordBodies=true&stateDataSource=#db&stateKey=" + key + "&"
                     + FAST;
        Recorder first = new Recorder();
        CamelContext context = startWith(uri, dataSource(), first);
        eventually().until(() -> first.size() == n);
        awaitPolls("/v2/users", 2);
        context.stop();
        assertThat(first.ids()).contains(longId);

        control.delete("users", longId);
        String later = id(addUser("AfterTheLongOne"));
        Recorder second = new Recorder();
        startWith(uri, dataSource(), second);
        eventually().until(() -> second.size() == 2);
        awaitPolls("/v2/users", 2);
        assertThat(second.changes()).containsExactlyInAnyOrder("DELETED " + longId, "CREATED " + later);
    }

    /**
     * Ids holding what a row format could take for its own (a tab, line ends, a backslash, PostgreSQL's null marker
     * {@code \N}, quotes, characters beyond Latin) are stored as they are, with their bodies: each record comes once as
     * {@code CREATED}, the rows hold the ids unchanged, and after the records are deleted each comes once as
     * {@code DELETED}, carrying its body as last seen.
     */
    @Test
    void idsWithTabsLineBreaksBackslashesAndNullMarkersAreStoredAsTheyAre() throws Exception {
        String key = "escapes-" + System.nanoTime();
        List<String> odd = List.of("tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N",
                "quote'\"s", "\u00fcn\u00efc\u00f8d\u00e9-\ud83d\ude00", "comma,semi;colon|pipe");
        Map<String, String> names = new java.util.HashMap<>();
        for (int i = 0; i < odd.size(); i++) {
            Map<String, Object> user = new java.util.LinkedHashMap<>();
            user.put("id", odd.get(i));
            user.put("email", "odd" + i + "@example.com");
            user.put("firstName", "Odd" + i);
            user.put("lastName", "Id");
            control.add("users", user);
            names.put(odd.get(i), "Odd" + i);
        }
        int n = allIds("users").size();
        Recorder recorder = new Recorder();
        ScheduledPollConsumer consumer = polledByTheTest(key, "&deletedRecordBodies=true", recorder);
        consumer.run();
        assertThat(recorder.changes()).hasSize(n).containsAll(odd.stream().map(id -> "CREATED " + id).toList());
        assertThat(rows(key)).hasSize(n).containsAll(odd);

        odd.forEach(id -> control.delete("users", id));
        consumer.run();
        assertThat(recorder.changesFrom(n)).containsExactlyInAnyOrderElementsOf(
                odd.stream().map(id -> "DELETED " + id).toList());
        for (org.apache.camel.Exchange deleted : recorder.exchanges.subList(n, recorder.size())) {
            String id = deleted.getMessage().getHeader(io.github.camelmapiq.mapiq.MapiqConstants.RECORD_ID, String.class);
            io.github.camelmapiq.mapiq.client.model.User body = deleted.getMessage().getBody(io.github.camelmapiq.mapiq.client.model.User.class);
            assertThat(body.getId()).isEqualTo(id);
            assertThat(body.getFirstName()).as(id).isEqualTo(names.get(id));
        }
        assertThat(rows(key)).hasSize(n - odd.size()).doesNotContainAnyElementsOf(odd);
        consumer.run();
        assertThat(recorder.size()).isEqualTo(n + odd.size());
    }

    @Test
    void eachSchemaKeepsItsOwnTables() throws Exception {
        String key = "schemas-" + System.nanoTime();
        addUser("Schema");
        List<String> ids = allIds("users");
        String uri = "mapiq:users?changesOnly=true&stateDataSource=#db&stateKey=" + key + "&" + FAST;
        // the tables of the default schema exist first, so that the other schemas' consumers could take them
        Recorder inDefault = new Recorder();
        CamelContext context = startWith(uri, dataSource(), inDefault);
        eventually().until(() -> inDefault.size() == ids.size());
        awaitPolls("/v2/users", 2);
        context.stop();
        for (String schema : List.of("team_a", "team_b")) {
            Recorder recorder = new Recorder();
            CamelContext inSchema = startWith(uri, dataSourceInSchema(schema), recorder);
            eventually().until(() -> recorder.size() == ids.size());
            awaitPolls("/v2/users", 2);
            inSchema.stop();
            assertThat(recorder.changes()).as(schema).containsExactlyInAnyOrderElementsOf(
                    ids.stream().map(id -> "CREATED " + id).toList());
            assertThat(rows(dataSourceInSchema(schema), key)).as(schema).containsExactlyInAnyOrderElementsOf(ids);
        }
        assertThat(rows(key)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void snapshotChangesMadeWhileStoppedArriveOnceAfterRestartWithOneRowPerRecord() throws Exception {
        String key = "restart-" + System.nanoTime();
        Map<String, Object> ann = addUser("Ann");
        Map<String, Object> bob = addUser("Bob");
        int n = allIds("users").size();
        String uri = "mapiq:users?changesOnly=true&stateDataSource=#db&stateKey=" + key + "&" + FAST;

        Recorder first = new Recorder();
        CamelContext context = startWith(uri, dataSource(), first);
        eventually().until(() -> first.size() == n);
        awaitPolls("/v2/users", 2);
        context.stop();
        assertThat(rows(key)).containsExactlyInAnyOrderElementsOf(allIds("users"));

        Map<String, Object> cas = addUser("Cas");
        control.update("users", id(ann), Map.of("department", "Finance"));
        control.delete("users", id(bob));

        Recorder second = new Recorder();
        startWith(uri, dataSource(), second);
        eventually().until(() -> second.size() == 3);
        awaitPolls("/v2/users", 2);
        assertThat(second.changes()).containsExactlyInAnyOrder("CREATED " + id(cas), "UPDATED " + id(ann),
                "DELETED " + id(bob));
        assertThat(rows(key)).containsExactlyInAnyOrderElementsOf(allIds("users"));
    }

    @Test
    void aPollWithTwentyChangesWritesTwentyRows() throws Exception {
        String key = "twenty-" + System.nanoTime();
        List<String> ids = usersWith(60, "Many");
        CountingStore counting = new CountingStore(new JdbcSnapshotStore(dataSource()));
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        context.getRegistry().bind("counting", counting);
        context.addService(counting.delegate);
        context.addRoutes(route("mapiq:users?changesOnly=true&snapshotStore=#counting&stateKey=" + key + "&" + FAST,
                recorder));
        context.start();
        eventually().until(() -> recorder.size() == ids.size());
        awaitPolls("/v2/users", 2);
        // the first poll marks its new records ahead of their delivery, then writes them
        assertThat(counting.writes).last().isEqualTo(ids.size() + " puts, 0 removes");
        int afterFirstPoll = counting.writes.size();

        // the 20 changes are made between two polls (a slow machine could otherwise poll half-way through them)
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoutes().get(0).getConsumer();
        consumer.suspend();
        eventually().until(() -> !consumer.isPolling());
        for (int i = 0; i < 20; i++) {
            control.update("users", ids.get(i), Map.of("department", "Moved"));
        }
        consumer.resume();
        eventually().until(() -> recorder.size() == ids.size() + 20);
        awaitPolls("/v2/users", 2);
        assertThat(counting.writes.subList(afterFirstPoll, counting.writes.size()))
                .containsExactly("20 puts, 0 removes");
        assertThat(rows(key)).hasSize(ids.size());
    }

    /**
     * One consumer, three polls as a scheduler runs them: every record, then nothing (nothing changed), then exactly
     * the records updated and deleted in between, each once.
     */
    @Test
    void aThirdPollDeliversExactlyTheUpdatesAndDeletionsMadeBeforeIt() throws Exception {
        String key = "third-" + System.nanoTime();
        List<String> ids = usersWith(30, "Third");
        Recorder recorder = new Recorder();
        ScheduledPollConsumer consumer = polledByTheTest(key, recorder);
        consumer.run();
        assertThat(recorder.size()).isEqualTo(ids.size());
        consumer.run();
        assertThat(recorder.size()).as("an unchanged poll").isEqualTo(ids.size());

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            control.update("users", ids.get(i), Map.of("department", key));
            expected.add("UPDATED " + ids.get(i));
            control.delete("users", ids.get(10 + i));
            expected.add("DELETED " + ids.get(10 + i));
        }
        consumer.run();
        assertThat(recorder.changesFrom(ids.size())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows(key)).hasSize(ids.size() - 5);
    }

    /**
     * A new record whose {@code CREATED} failed downstream leaves no row (its write-ahead mark is removed by the poll's
     * write): it comes again as {@code CREATED} while it is listed, and, deleted before that, gets no {@code DELETED}
     * its {@code CREATED} never preceded.
     */
    @Test
    void aNewRecordWhoseDeliveryFailedLeavesNoRowAndComesAgain() throws Exception {
        String key = "failed-" + System.nanoTime();
        String flaky = id(addUser("Flaky"));
        String gone = id(addUser("Gone"));
        int n = allIds("users").size();
        Recorder recorder = new Recorder();
        java.util.Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        failing.addAll(List.of(flaky, gone));
        ScheduledPollConsumer consumer = polledByTheTest(key, exchange -> {
            String id = exchange.getMessage().getHeader(io.github.camelmapiq.mapiq.MapiqConstants.RECORD_ID, String.class);
            if (failing.contains(id)) {
                throw new IllegalStateException("downstream refuses " + id);
            }
            recorder.process(exchange);
        });
        consumer.run();
        assertThat(recorder.size()).isEqualTo(n - 2);
        assertThat(rows(key)).hasSize(n - 2).doesNotContain(flaky, gone);

        failing.clear();
        control.delete("users", gone);
        consumer.run();
        assertThat(recorder.changesFrom(n - 2)).containsExactly("CREATED " + flaky);
        assertThat(rows(key)).hasSize(n - 1).contains(flaky).doesNotContain(gone);
        consumer.run();
        assertThat(recorder.size()).isEqualTo(n - 1);
    }

    @Test
    void aPollTakesOneConnectionWhateverItsPages() throws Exception {
        String key = "connections-" + System.nanoTime();
        List<String> ids = usersWith(9, "Paged");
        AtomicInteger connections = new AtomicInteger();
        DataSource counting = counting(dataSource(), connections);
        Recorder recorder = new Recorder();
        CamelContext context = startWith("mapiq:users?changesOnly=true&pageSize=2&startScheduler=false&initialDelay=0"
                                         + "&stateDataSource=#db&stateKey=" + key, counting, recorder);
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoutes().get(0).getConsumer();
        int atStart = connections.get();
        consumer.run(); // one poll, on this thread: every exchange and the state write are done when it returns
        assertThat(recorder.size()).isEqualTo(ids.size());
        assertThat(connections.get() - atStart).as("connections of a first poll of %d pages", ids.size() / 2 + 1)
                .isEqualTo(1);

        control.update("users", ids.get(0), Map.of("department", "Paged"));
        control.delete("users", ids.get(1));
        int before = connections.get();
        consumer.run();
        assertThat(recorder.changes().subList(ids.size(), recorder.size())).containsExactlyInAnyOrder(
                "UPDATED " + ids.get(0), "DELETED " + ids.get(1));
        assertThat(connections.get() - before).as("connections of a poll with a change and a deletion").isEqualTo(1);
    }

    /** {@code dataSource}, counting the connections taken from it. */
    static DataSource counting(DataSource dataSource, AtomicInteger connections) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    return invoke(dataSource, method, args);
                });
    }

    /** {@code method} called on {@code target}, throwing what it throws (for proxies that pass calls on). */
    static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void theCheckinCursorIsARowOfItsOwn() throws Exception {
        String key = "cursor-" + System.nanoTime();
        String userId = id(addUser("Eve"));
        Instant base = Instant.now().minusSeconds(600);
        String e1 = CheckinEvents.add(control, userId, base);
        String uri = "mapiq:checkin-events?changesOnly=true&startDate=today-1d&endDate=today%2B1d&userId=" + userId
                     + "&stateDataSource=#db&stateKey=" + key + "&" + FAST;
        Recorder first = new Recorder();
        CamelContext context = startWith(uri, dataSource(), first);
        eventually().until(() -> first.size() == 1);
        awaitPolls("/v2/user-locations/checkin-events", 2);
        context.stop();
        assertThat(value(key)).contains("\"cursor\"").contains(e1);

        String e2 = CheckinEvents.add(control, userId, base.plusSeconds(60));
        Recorder second = new Recorder();
        startWith(uri, dataSource(), second);
        eventually().until(() -> second.size() == 1);
        awaitPolls("/v2/user-locations/checkin-events", 2);
        assertThat(second.ids()).containsExactly(e2);
    }

    private CamelContext startWith(String uri, DataSource dataSource, Recorder recorder) throws Exception {
        CamelContext context = newContext();
        context.getRegistry().bind("db", dataSource);
        context.addRoutes(route(uri, recorder));
        context.start();
        return context;
    }

    private static RouteBuilder route(String uri, org.apache.camel.Processor processor) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").process(processor);
            }
        };
    }

    /** The consumer of a started route of users with its state under {@code key}, polled only when the test runs it. */
    ScheduledPollConsumer polledByTheTest(String key, org.apache.camel.Processor processor) throws Exception {
        return polledByTheTest(key, "", processor);
    }

    /** The same, with {@code options} ({@code &name=value...}) added to the endpoint's. */
    ScheduledPollConsumer polledByTheTest(String key, String options, org.apache.camel.Processor processor)
            throws Exception {
        return polledByTheTest(key, options, dataSource(), processor);
    }

    /** The same, with the state in {@code dataSource}. */
    ScheduledPollConsumer polledByTheTest(String key, String options, DataSource dataSource,
                                          org.apache.camel.Processor processor) throws Exception {
        CamelContext context = newContext();
        context.getRegistry().bind("db", dataSource);
        context.addRoutes(route("mapiq:users?changesOnly=true&startScheduler=false&stateDataSource=#db&stateKey=" + key
                                + options, processor));
        context.start();
        return (ScheduledPollConsumer) context.getRoutes().get(0).getConsumer();
    }

    private List<String> rows(String key) throws Exception {
        return rows(dataSource(), key);
    }

    /** The record ids stored under {@code key} in table mapiq_snapshot_record. */
    static List<String> rows(DataSource dataSource, String key) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT record_id FROM mapiq_snapshot_record WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private String value(String key) throws Exception {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state_value FROM mapiq_state_value WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** A store that notes the size of each write before passing it on. */
    static class CountingStore implements SnapshotStore {
        final JdbcSnapshotStore delegate;
        final List<String> writes = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingStore(JdbcSnapshotStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void load(String key, Loader loader) throws Exception {
            delegate.load(key, loader);
        }

        @Override
        public void write(String key, Collection<StoredRecord> puts, Collection<String> removes) throws Exception {
            writes.add(puts.size() + " puts, " + removes.size() + " removes");
            delegate.write(key, puts, removes);
        }

        @Override
        public String getValue(String key) throws Exception {
            return delegate.getValue(key);
        }

        @Override
        public void setValue(String key, String value) throws Exception {
            delegate.setValue(key, value);
        }

        @Override
        public void startOver(String key) throws Exception {
            delegate.startOver(key);
        }

        @Override
        public String describe(String key) {
            return delegate.describe(key);
        }
    }
}
