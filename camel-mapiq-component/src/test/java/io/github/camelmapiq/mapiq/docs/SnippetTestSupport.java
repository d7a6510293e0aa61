package io.github.camelmapiq.mapiq.docs;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqTestSupport;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Camel contexts and records for running the docs' snippets against a simulator. */
final class SnippetTestSupport {

    private static final String LOG_EIP = "io.github.camelmapiq.docs.snippets";

    private SnippetTestSupport() {
    }

    /** A context whose {@code mapiq} component points at the simulator, as the docs' properties configure it. */
    static DefaultCamelContext context(MapiqSimulator sim) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.addComponent("mapiq", MapiqTestSupport.component(sim));
        return context;
    }

    /** Loads a YAML or XML snippet as Camel Main loads a route file. */
    static void loadRoutes(CamelContext context, String language, String text) throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.fromString("snippet." + (language.equals("yaml") ? "yaml" : "xml"), text));
    }

    /**
     * Records the messages of the routes' {@code log} steps: Camel hands them to a log listener only when their logger
     * is enabled, so the Log EIP gets one logger name, raised to INFO.
     */
    static void recordLogEip(CamelContext context, List<String> messages) {
        context.getGlobalOptions().put(Exchange.LOG_EIP_NAME, LOG_EIP);
        Configurator.setLevel(LOG_EIP, Level.INFO);
        context.getCamelContextExtension().addLogListener((exchange, logger, message) -> {
            messages.add(message);
            return message;
        });
    }

    static String id(Map<String, Object> record) {
        return (String) record.get("id");
    }

    /** A desk reservation today at noon in the JVM's zone (where {@code startDate=today} is evaluated). */
    static Map<String, Object> reservationToday(SimulatorControl control, String deskId) {
        return reservationToday(control, deskId, ZoneId.systemDefault());
    }

    /** A reservation at noon of today in {@code zone}, for a route whose window is read in that zone. */
    static Map<String, Object> reservationToday(SimulatorControl control, String deskId, ZoneId zone) {
        Map<String, Object> user = control.list("users").get(0);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("userId", id(user));
        r.put("email", user.get("email"));
        r.put("deskId", deskId);
        LocalDate today = LocalDate.now(zone);
        r.put("startTime", ZonedDateTime.of(today, LocalTime.NOON, zone).toOffsetDateTime().toString());
        r.put("endTime", ZonedDateTime.of(today, LocalTime.of(17, 0), zone).toOffsetDateTime().toString());
        return control.add("workspace-reservations", r);
    }

    /**
     * A check-in event of user n as an access gate's file would hold it (Mapiq throttles each user's events), in a
     * building where it is today in the JVM's zone too (Mapiq dates events in their building's zone).
     */
    static String checkinJson(SimulatorControl control, int user) {
        Map<String, Object> building = control.list("buildings").stream()
                .filter(b -> LocalDate.now(ZoneId.of((String) b.get("timeZone"))).equals(LocalDate.now()))
                .findFirst().orElseThrow();
        return "{\"userId\":\"" + id(control.list("users").get(user)) + "\",\"buildingId\":\""
               + id(building) + "\",\"eventType\":\"AtTheOffice\",\"source\":\"AccessGate\"}";
    }
}
