package io.github.camelmapiq.mapiq.consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State key claims belong to one CamelContext: two contexts in one JVM (two applications in one server, tests) run
 * {@code changesOnly} consumers with the same state key on their own repositories, and both deliver every record, even
 * when their repositories compare equal (repository beans built from the same settings often do).
 */
class TwoCamelContextsWithTheSameStateKeyBothRunTest extends ConsumerTestSupport {

    /** A repository equal to every other of its class, as a value-style bean built from equal settings is. */
    static final class EqualRepository extends MemoryStateRepository {
        @Override
        public boolean equals(Object o) {
            return o instanceof EqualRepository;
        }

        @Override
        public int hashCode() {
            return EqualRepository.class.hashCode();
        }
    }

    private CamelContext started(String routeId, Recorder recorder) throws Exception {
        CamelContext context = newContext();
        context.getRegistry().bind("mapiqState", new EqualRepository());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?changesOnly=true&stateRepository=#mapiqState&" + FAST).routeId(routeId)
                        .process(recorder);
            }
        });
        context.start();
        return context;
    }

    @Test
    void bothContextsStartAndDeliverEveryRecord() throws Exception {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        started("users-in-app-a", first);
        started("users-in-app-b", second);

        eventually().until(() -> first.size() >= allIds("users").size() && second.size() >= allIds("users").size());
        assertThat(first.changes()).containsExactlyInAnyOrderElementsOf(allCreated("users"));
        assertThat(second.changes()).containsExactlyInAnyOrderElementsOf(allCreated("users"));
    }
}
