import org.apache.camel.builder.RouteBuilder;

/** Our v1 integration: cancellations from HR (one registration id per message) delete the Mapiq registration. */
public class RegistrationCleanupRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:cancellations")
                .routeId("registration-cleanup")
                .setHeader("mapiq-api-key", constant("{{mapiq.apiKey}}"))
                .setHeader("Authorization", simple("Bearer ${exchangeProperty.mapiqToken}"))
                .setHeader("CamelHttpMethod", constant("DELETE"))
                .toD("https://api.mapiq.com/shifts/registrations?id=${body}")
                .to("{{hr.ack}}");
    }
}
