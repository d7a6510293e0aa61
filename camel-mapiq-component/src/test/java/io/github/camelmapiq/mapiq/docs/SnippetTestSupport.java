package io.github.camelmapiq.mapiq.docs;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqTestSupport;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Camel contexts and records for running the docs' snippets against a simulator. */
final class SnippetTestSupport {

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

    static String id(Map<String, Object> record) {
        return (String) record.get("id");
    }

    /** A desk reservation today at noon in the JVM's zone (where {@code startDate=today} is evaluated). */
    static Map<String, Object> reservationToday(SimulatorControl control, String deskId) {
        Map<String, Object> user = control.list("users").get(0);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("userId", id(user));
        r.put("email", user.get("email"));
        r.put("deskId", deskId);
        LocalDate today = LocalDate.now();
        r.put("startTime", ZonedDateTime.of(today, LocalTime.NOON, ZoneId.systemDefault()).toOffsetDateTime().toString());
        r.put("endTime", ZonedDateTime.of(today, LocalTime.of(17, 0), ZoneId.systemDefault()).toOffsetDateTime().toString());
        return control.add("workspace-reservations", r);
    }

    /** A check-in event as an access gate's file would hold it. */
    static String checkinJson(SimulatorControl control) {
        return "{\"userId\":\"" + id(control.list("users").get(1)) + "\",\"buildingId\":\""
               + id(control.list("buildings").get(0)) + "\",\"eventType\":\"AtTheOffice\",\"source\":\"AccessGate\"}";
    }
}
