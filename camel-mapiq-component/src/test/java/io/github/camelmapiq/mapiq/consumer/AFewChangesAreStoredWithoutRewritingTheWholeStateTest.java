package io.github.camelmapiq.mapiq.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The snapshot state is stored as a base (every record) and the changes since it: after the first poll, a poll that
 * changed a record stores that record under {@code <stateKey>#changes} and leaves the base alone, and a new consumer
 * reading base plus changes neither repeats nor misses anything.
 */
class AFewChangesAreStoredWithoutRewritingTheWholeStateTest extends ConsumerTestSupport {

    /** Remembers which keys were stored, in order. */
    static final class WatchedRepository extends MemoryStateRepository {
        final List<String> storedKeys = new CopyOnWriteArrayList<>();

        @Override
        public void setState(String key, String value) {
            super.setState(key, value);
            storedKeys.add(key);
        }
    }

    @Test
    void aChangedRecordIsStoredAloneAndReadBackWithTheBase() throws Exception {
        for (int i = 0; i < 20; i++) {
            addUser("Base" + i);
        }
        Map<String, Object> changed = addUser("Changed");
        Map<String, Object> deleted = addUser("Deleted");
        int n = allIds("users").size();
        WatchedRepository repository = new WatchedRepository();
        String uri = "mapiq:users?changesOnly=true&stateRepository=#state&stateKey=users-sync&" + FAST;

        Recorder first = new Recorder();
        CamelContext context = startWith(uri, repository, first);
        eventually().until(() -> first.size() == n);
        awaitPolls("/v2/users", 1);
        String base = repository.getState("users-sync");
        assertThat(base).startsWith("mapiq-snapshot-v4:");
        assertThat(repository.storedKeys).containsExactly("users-sync", "users-sync#changes");

        control.update("users", id(changed), Map.of("department", "Finance"));
        eventually().until(() -> first.size() == n + 1);
        eventually().until(() -> repository.storedKeys.size() == 3);
        assertThat(repository.storedKeys.get(2)).isEqualTo("users-sync#changes");
        assertThat(repository.getState("users-sync")).isSameAs(base);
        assertThat(repository.getState("users-sync#changes").length()).isLessThan(base.length() / 5);
        context.stop();

        control.delete("users", id(deleted));
        Recorder second = new Recorder();
        startWith(uri, repository, second);
        eventually().until(() -> second.size() == 1);
        awaitPolls("/v2/users", 2);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> second.size() == 1);
        assertThat(second.changes()).containsExactly("DELETED " + id(deleted));
        assertThat(repository.getState("users-sync")).isSameAs(base);
    }

    private CamelContext startWith(String uri, MemoryStateRepository repository, Recorder recorder) throws Exception {
        CamelContext context = newContext();
        context.getRegistry().bind("state", repository);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(recorder);
            }
        });
        context.start();
        return context;
    }
}
