package io.github.camelmapiq.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every poll, how many office days are booked in each building for the coming seven days: the week's
 * {@code Office} workdays (one message holding them all), joined with the building names, logged as
 * {@code {Amsterdam HQ=123, London Office=45, ...}}.
 * <p>
 * The endpoints carry no credentials: the {@code mapiq} component has them, from {@code application.yaml}.
 */
@Component
public class OfficeWeekRoute extends RouteBuilder {

    /** The route id, for logs, JMX and tests. */
    public static final String ROUTE_ID = "office-week";

    @Override
    public void configure() {
        from("mapiq:workdays?startDate=today&endDate=today%2B6d&status=Office&splitResult=false"
             + "&delay={{example.poll-delay}}")
                .routeId(ROUTE_ID)
                .pollEnrich("mapiq:buildings?splitResult=false", 30_000L, OfficeDaysPerBuilding::aggregate)
                .log("Office days booked for the coming 7 days, per building: ${body}");
    }
}
