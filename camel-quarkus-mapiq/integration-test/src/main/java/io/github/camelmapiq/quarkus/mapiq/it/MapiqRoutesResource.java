package io.github.camelmapiq.quarkus.mapiq.it;

import java.util.List;
import java.util.stream.Collectors;

import io.github.camelmapiq.mapiq.client.model.Building;
import io.github.camelmapiq.mapiq.client.model.CheckinEvent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckHelper;

/**
 * What the routes of {@code routes/mapiq-routes.yaml} did, over HTTP, so that the same tests run against the JVM
 * application and against a native executable. Answers are plain text, one line per record.
 */
@Path("/mapiq")
@Produces(MediaType.TEXT_PLAIN)
public class MapiqRoutesResource {

    @Inject
    ProducerTemplate producer;

    @Inject
    CamelContext context;

    @Inject
    ReceivedChanges receivedChanges;

    /** The changes the {@code user-changes} consumer delivered: {@code TYPE id e-mail}. */
    @GET
    @Path("/changes")
    public String changes() {
        return String.join("\n", receivedChanges.changes());
    }

    /** Posts the JSON check-in event through the {@code check-in} route; answers the event Mapiq stored. */
    @POST
    @Path("/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    public String checkIn(String event) {
        CheckinEvent stored = producer.requestBody("direct:check-in", event, CheckinEvent.class);
        return stored.getId() + " " + stored.getUserId() + " " + stored.getBuildingId() + " " + stored.getEventType()
               + " " + stored.getSource();
    }

    /** The buildings {@code operation=list} returned: {@code id name time-zone}. */
    @GET
    @Path("/buildings")
    public String buildings() {
        List<?> buildings = producer.requestBody("direct:list-buildings", null, List.class);
        return buildings.stream().map(Building.class::cast)
                .map(b -> b.getId() + " " + b.getName() + " " + b.getTimeZone())
                .collect(Collectors.joining("\n"));
    }

    /** The readiness checks of the mapiq component: {@code id STATE}. */
    @GET
    @Path("/health")
    public String health() {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(result -> result.getCheck().getId().contains("mapiq"))
                .map(result -> result.getCheck().getId() + " " + result.getState()
                               + result.getMessage().map(m -> " " + m).orElse(""))
                .sorted()
                .collect(Collectors.joining("\n"));
    }
}
