package io.github.camelmapiq.mapiq.consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two {@code changesOnly} routes on the same resource and filters derive the same default state key. Sharing one
 * repository, each would overwrite the other's state, and a route restarted later would load the other's state and
 * never deliver what the other had already seen. The second route is refused at startup, naming both and the fix.
 */
class ConsumersSharingAStateKeyAreRefusedTest extends ConsumerTestSupport {

    @Test
    void aSecondRouteWithTheSameDefaultStateKeyFailsAtStartup() {
        CamelContext context = newContext();
        context.getRegistry().bind("mapiqState", new MemoryStateRepository());

        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("mapiq:users?changesOnly=true&stateRepository=#mapiqState&" + FAST).routeId("users-to-hr")
                            .to("log:hr?level=OFF");
                    from("mapiq:users?changesOnly=true&outputFormat=json&stateRepository=#mapiqState&" + FAST)
                            .routeId("users-to-crm").to("log:crm?level=OFF");
                }
            });
            context.start();
        }).satisfies(e -> assertThat(rootCause(e))
                .hasMessageContaining("stateKey 'mapiq:users:/v2/users' is already used by route users-to-hr")
                .hasMessageContaining("route users-to-crm")
                .hasMessageContaining("Set a distinct stateKey option on one of them (for example "
                                      + "stateKey=users-to-crm)"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void distinctStateKeysInOneRepositoryEachDeliverEveryChange() throws Exception {
        addUser("Shared1");
        CamelContext context = newContext();
        context.getRegistry().bind("mapiqState", new MemoryStateRepository());
        Recorder hr = new Recorder();
        Recorder crm = new Recorder();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?changesOnly=true&stateRepository=#mapiqState&stateKey=hr&" + FAST)
                        .routeId("users-to-hr").process(hr);
                from("mapiq:users?changesOnly=true&stateRepository=#mapiqState&stateKey=crm&" + FAST)
                        .routeId("users-to-crm").process(crm);
            }
        });
        context.start();
        eventually().until(() -> crm.size() >= allIds("users").size());

        context.getRouteController().stopRoute("users-to-crm");
        String added = id(addUser("Shared2"));
        eventually().until(() -> hr.ids().contains(added));
        context.getRouteController().startRoute("users-to-crm");

        eventually().until(() -> crm.ids().contains(added));
        assertThat(crm.changes()).containsExactlyInAnyOrderElementsOf(allCreated("users"));
        assertThat(hr.changes()).containsExactlyInAnyOrderElementsOf(allCreated("users"));
    }

    @Test
    void aStoppedRouteReleasesItsStateKey() throws Exception {
        CamelContext context = newContext();
        context.getRegistry().bind("mapiqState", new MemoryStateRepository());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?changesOnly=true&stateRepository=#mapiqState&" + FAST).routeId("first")
                        .to("log:first?level=OFF");
                from("mapiq:users?changesOnly=true&stateRepository=#mapiqState&" + FAST).routeId("second")
                        .autoStartup(false).to("log:second?level=OFF");
            }
        });
        context.start();

        context.getRouteController().stopRoute("first");
        context.getRouteController().startRoute("second");
        assertThat(context.getRouteController().getRouteStatus("second").isStarted()).isTrue();
    }
}
