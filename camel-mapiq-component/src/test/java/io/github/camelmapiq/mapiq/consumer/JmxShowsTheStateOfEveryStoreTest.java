package io.github.camelmapiq.mapiq.consumer;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelmapiq.mapiq.consumer.state.MemorySnapshotStore;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer MBean's {@code StateSize}, {@code RecordsInMemory} and {@code CursorPosition} tell the truth whichever
 * store keeps the state: the default memory repository, a Camel {@code StateRepository}, {@code stateFile},
 * {@code stateDataSource} and a {@code snapshotStore} bean.
 */
class JmxShowsTheStateOfEveryStoreTest extends ConsumerTestSupport {

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "memory", "stateRepository", "stateFile", "stateDataSource", "snapshotStore" })
    void snapshotStateSizeIsItsRecords(String store) throws Exception {
        for (int i = 0; i < 5; i++) {
            addUser("Counted" + i);
        }
        int users = allIds("users").size();
        Recorder recorder = new Recorder();
        CamelContext context = startWithStores("mapiq:users?changesOnly=true&" + FAST + option(store), recorder);
        eventually().until(() -> recorder.size() == users);
        awaitPolls("/v2/users", 2);
        betweenPolls(context, context.getRoutes().get(0).getRouteId()); // a poll in progress holds its page's records
        ObjectName consumer = consumer(context);
        assertThat(jmx.getAttribute(consumer, "StateSize")).as(store).isEqualTo((long) users);
        assertThat(jmx.getAttribute(consumer, "RecordsInMemory")).as(store)
                .isEqualTo(store.equals("stateDataSource") ? 0L : (long) users);
        assertThat(jmx.getAttribute(consumer, "CursorPosition")).as(store).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "stateRepository", "stateFile", "stateDataSource", "snapshotStore" })
    void cursorPositionIsTheNewestDeliveredEvent(String store) throws Exception {
        String userId = id(addUser("Eve"));
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        CheckinEvents.add(control, userId, base);
        CheckinEvents.add(control, userId, base.plusSeconds(60));
        Recorder recorder = new Recorder();
        CamelContext context = startWithStores("mapiq:checkin-events?changesOnly=true&startDate=today-1d&endDate=today%2B1d"
                                     + "&userId=" + userId + "&" + FAST + option(store), recorder);
        eventually().until(() -> recorder.size() == 2);
        awaitPolls("/v2/user-locations/checkin-events", 2);
        ObjectName consumer = consumer(context);
        assertThat(jmx.getAttribute(consumer, "CursorPosition")).as(store).isEqualTo(base.plusSeconds(60).toString());
        assertThat(jmx.getAttribute(consumer, "StateSize")).as(store).isEqualTo(2L);
    }

    private String option(String store) {
        return switch (store) {
            case "memory" -> "";
            case "stateRepository" -> "&stateRepository=#repo";
            case "stateFile" -> "&stateFile=" + dir.resolve("mapiq.state");
            case "stateDataSource" -> "&stateDataSource=#db";
            default -> "&snapshotStore=#store";
        };
    }

    private CamelContext startWithStores(String uri, Recorder recorder) throws Exception {
        CamelContext context = newContext();
        context.getManagementStrategy().getManagementAgent().setMBeanObjectDomainName("org.apache.camel");
        context.getRegistry().bind("repo", FileStateRepository.fileStateRepository(dir.resolve("repo.dat").toFile()));
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve("state") + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        context.getRegistry().bind("db", db);
        context.getRegistry().bind("store", new MemorySnapshotStore());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").process(recorder);
            }
        });
        context.start();
        return context;
    }

    private ObjectName consumer(CamelContext context) throws Exception {
        Set<ObjectName> found = jmx.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                              + ",type=consumers,name=*"), null);
        assertThat(found).hasSize(1);
        return found.iterator().next();
    }
}
