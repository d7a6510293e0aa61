package io.github.camelmapiq.mapiq.consumer;

import java.time.ZoneId;

import io.github.camelmapiq.mapiq.consumer.state.MemorySnapshotStore;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Misconfigured consumers fail the route at startup with a message naming the option; no call is made. */
class ConsumerOptionsAreValidatedAtStartTest extends ConsumerTestSupport {

    @Test
    void occupancyAndRawSupportOnlyProducers() {
        assertThat(startupError("mapiq:occupancy")).contains("mapiq:occupancy supports only producers");
        assertThat(startupError("mapiq:raw?path=/v2/users")).contains("mapiq:raw supports only producers");
    }

    @Test
    void aFilterTheResourceDoesNotSupportIsNamed() {
        assertThat(startupError("mapiq:users?parkingLotId=p-1"))
                .contains("Option parkingLotId is not supported by mapiq:users");
        assertThat(startupError("mapiq:workdays?startDate=today&status=Holiday"))
                .contains("Invalid status 'Holiday': allowed values are Office, Remote, NotWorking");
    }

    @Test
    void aDateBoundedResourceNeedsStartDateAndAValidWindow() {
        assertThat(startupError("mapiq:workspace-reservations"))
                .contains("mapiq:workspace-reservations requires option startDate");
        assertThat(startupError("mapiq:workdays?startDate=today&endDate=yesterday"))
                .contains("Invalid endDate 'yesterday'").contains("today+6d");
        assertThat(startupError("mapiq:workdays?startDate=today&endDate=today-3d"))
                .contains("is before startDate");
    }

    @Test
    void anOperationOnAConsumerIsRefusedInsteadOfIgnored() {
        assertThat(startupError("mapiq:users?operation=get")).contains("operation=get applies to producers");
    }

    @Test
    void maxMessagesPerPollMustNotBeNegative() {
        assertThat(startupError("mapiq:users?maxMessagesPerPoll=-1")).contains("Invalid maxMessagesPerPoll -1");
    }

    @Test
    void aNumericOptionThatIsNotANumberIsNamedInsteadOfReadAsZero() {
        assertThat(startupError("mapiq:checkin-events?startDate=today&changesOnly=true&checkinOverlap=half-an-hour"))
                .contains("Invalid checkinOverlap 'half-an-hour': expected a number of milliseconds or a duration "
                          + "such as 500ms, 30s, 5m, 1h30m or PT5M");
        assertThat(startupError("mapiq:users?maxMessagesPerPoll=all"))
                .contains("Invalid maxMessagesPerPoll 'all': expected a whole number");
        assertThat(startupError("mapiq:users?pageSize=max")).contains("Invalid pageSize 'max': expected a whole number");
        assertThat(startupError("mapiq:users?delay=soon")).contains("Invalid delay 'soon'");
    }

    @Test
    void theStateIsKeptInOneStoreAndDamagedStateIsFailOrRestart() {
        CamelContext context = newContext();
        context.getRegistry().bind("memory", new MemorySnapshotStore());
        Throwable twoStores = org.assertj.core.api.Assertions.catchThrowable(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("mapiq:users?changesOnly=true&stateFile=target/a.state&snapshotStore=#memory")
                            .to("log:never");
                }
            });
            context.start();
        });
        assertThat(ObjectHelper.getException(IllegalArgumentException.class, twoStores))
                .hasMessage("Set only one of the options snapshotStore, stateFile and stateDataSource: each names "
                            + "where the consumer state is kept");
        assertThat(startupError("mapiq:users?changesOnly=true&damagedState=ignore"))
                .contains("Invalid damagedState 'ignore': use fail or restart");
    }

    @Test
    void aTimeZoneOffsetWrittenWithPlusInAUriIsReadAsWritten() throws Exception {
        for (String zone : new String[] { "UTC+1", "+01:00", "GMT+01:00" }) {
            CamelContext context = newContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("mapiq:workdays?startDate=today&timeZone=" + zone + "&delay=60000").routeId("zoned")
                            .to("log:zoned?level=OFF");
                }
            });
            context.start();
            MapiqPollingConsumer consumer = (MapiqPollingConsumer) context.getRoute("zoned").getConsumer();
            assertThat(consumer.getQuery().zone()).as(zone).isEqualTo(ZoneId.of(zone));
            context.stop();
        }
    }

    @Test
    void aTimeZoneInTheWrongCaseIsRejectedWithTheRightSpelling() {
        assertThat(startupError("mapiq:workdays?startDate=today&timeZone=europe/amsterdam"))
                .contains("Invalid timeZone 'europe/amsterdam' (did you mean Europe/Amsterdam?): expected an IANA time "
                          + "zone id such as Europe/Amsterdam or UTC, or an offset such as +01:00");
    }

    private String startupError(String uri) {
        long calls = control.callCounts().values().stream().mapToLong(Long::longValue).sum();
        CamelContext context = newContext();
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("log:never");
                }
            });
            context.start();
        });
        assertThat(error).as("starting a route from " + uri).isNotNull();
        assertThat(control.callCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(calls);
        StringBuilder messages = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

}
