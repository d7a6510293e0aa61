import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

// A Java DSL route of a v1 integration (a test resource: scanned as text, not compiled).
public class CheckinBridgeRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("direct:badge")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .to("https://api.mapiq.com/localization/admin/checkin");
        from("timer:presence?period=60000")
                .to("https://api.mapiq.com/localization/admin/checkin/statuses")
                .toD("https:api.mapiq.com/localization/admin/checkin/events?startDate=${header.day}&buildingId=b-1")
                .to("https://api.mapiq.com/shifts/buildings");
    }
}
