package io.github.camelmapiq.quarkus.mapiq.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mapiq: component in a Quarkus application, through the extension: the YAML routes of
 * {@code routes/mapiq-routes.yaml} run against the simulator, configured by application.properties with the secret
 * from the environment. Everything is read over HTTP, so {@link MapiqExtensionIT} runs the same on a native build.
 */
@QuarkusTest
@QuarkusTestResource(MapiqSimulatorResource.class)
class MapiqExtensionTest {

    @Test
    void changesOnlyConsumerSendsEveryUserOnceThenOnlyWhatChanged() {
        List<Map<String, Object>> users = simulatorRecords("users");
        assertThat(users).hasSizeGreaterThan(3);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(changes())
                .containsExactlyInAnyOrderElementsOf(users.stream()
                        .map(u -> "CREATED " + u.get("id") + " " + u.get("email")).toList()));

        Map<String, Object> hired = given().contentType(ContentType.JSON)
                .body(Map.of("email", "new.hire@example.com", "firstName", "New", "lastName", "Hire"))
                .post(simulator("/_simulator/data/users")).then().statusCode(201).extract().as(Map.class);
        String renamed = String.valueOf(users.get(1).get("id"));
        given().contentType(ContentType.JSON).body(Map.of("email", "renamed@example.com"))
                .patch(simulator("/_simulator/data/users/" + renamed)).then().statusCode(200);
        String left = String.valueOf(users.get(2).get("id"));
        given().delete(simulator("/_simulator/data/users/" + left)).then().statusCode(204);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(changes()).hasSize(users.size() + 3));
        List<String> after = changes().subList(users.size(), users.size() + 3);
        assertThat(after).contains("CREATED " + hired.get("id") + " new.hire@example.com",
                "UPDATED " + renamed + " renamed@example.com");
        assertThat(after).anySatisfy(change -> assertThat(change).startsWith("DELETED " + left + " "));
    }

    @Test
    void checkInProducerCreatesTheEventMapiqStores() {
        Map<String, Object> user = simulatorRecords("users").get(0);
        Map<String, Object> building = simulatorRecords("buildings").get(0);
        String answer = given().contentType(ContentType.JSON)
                .body(Map.of("userId", user.get("id"), "buildingId", building.get("id"), "eventType", "AtTheOffice",
                        "source", "AccessGate"))
                .post("/mapiq/check-ins").then().statusCode(200).extract().asString();

        List<Map<String, Object>> posted = given().get(simulator("/_simulator/log/checkins"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0)).containsEntry("userId", user.get("id")).containsEntry("buildingId", building.get("id"))
                .containsEntry("eventType", "AtTheOffice").containsEntry("source", "AccessGate");
        assertThat(answer.split(" ")).as("the stored event, bound to CheckinEvent")
                .hasSize(5).startsWith(String.valueOf(posted.get(0).get("id")))
                .endsWith(String.valueOf(user.get("id")), String.valueOf(building.get("id")), "AT_THE_OFFICE", "ACCESS_GATE");
    }

    @Test
    void listOperationReturnsEveryBuildingWithItsFields() {
        List<String> expected = simulatorRecords("buildings").stream()
                .map(b -> b.get("id") + " " + b.get("name") + " " + b.get("timeZone")).toList();
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(given().get("/mapiq/buildings").then().statusCode(200).extract().asString().split("\n"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void tokenHealthCheckIsUpWithoutShowingTheSecret() {
        String health = given().get("/mapiq/health").then().statusCode(200).extract().asString();
        assertThat(health).contains("component:mapiq:token UP").doesNotContain("demo-secret");
    }

    private static List<String> changes() {
        String text = given().get("/mapiq/changes").then().statusCode(200).extract().asString();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static List<Map<String, Object>> simulatorRecords(String resource) {
        return given().get(simulator("/_simulator/data/" + resource)).then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String simulator(String path) {
        return System.getProperty(MapiqSimulatorResource.URL_PROPERTY) + path;
    }
}
