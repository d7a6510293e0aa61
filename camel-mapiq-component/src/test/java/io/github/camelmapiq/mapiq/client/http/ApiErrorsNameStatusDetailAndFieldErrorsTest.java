package io.github.camelmapiq.mapiq.client.http;

import java.util.Map;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mapiq's problem details reach the user in one readable message, and in fields for handlers to inspect. */
class ApiErrorsNameStatusDetailAndFieldErrorsTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).build();

    private SimulatorClients fixture;

    @BeforeEach
    void setUp() {
        fixture = new SimulatorClients(extension.simulator());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void missingStartDateNamesTheFieldAndTraceId() {
        assertThatThrownBy(() -> fixture.client().list("/v2/workdays", Map.of(), 100, r -> {
        })).isInstanceOfSatisfying(MapiqApiException.class, e -> {
            assertThat(e.getStatus()).isEqualTo(400);
            assertThat(e.getMethod()).isEqualTo("GET");
            assertThat(e.getPath()).isEqualTo("/v2/workdays");
            assertThat(e.getFieldErrors()).containsKey("startDate");
            assertThat(e.getTraceId()).isNotBlank();
            assertThat(e.getMessage())
                    .startsWith("Mapiq API GET /v2/workdays answered 400 Bad Request")
                    .contains("traceId " + e.getTraceId())
                    .contains("field errors: startDate: [The startDate field is required.]");
        });
    }

    @Test
    void missingPermissionIsA403NamingTheCall() {
        MapiqHttpClient readOnly = fixture.client(c -> {
            c.setClientId(MapiqSimulator.READONLY_CLIENT_ID);
            c.setClientSecret(MapiqSimulator.READONLY_CLIENT_SECRET);
        });

        assertThatThrownBy(() -> readOnly.call("POST", "/v2/user-locations/checkin-events", null,
                Map.of("userId", "u", "buildingId", "b", "eventType", "AtTheOffice", "source", "Wifi"), CallKind.WRITE))
                .isInstanceOfSatisfying(MapiqApiException.class, e -> assertThat(e.getStatus()).isEqualTo(403))
                .hasMessageStartingWith("Mapiq API POST /v2/user-locations/checkin-events answered 403 Forbidden");
    }

    @Test
    void queryStringIsNotPartOfTheErrorMessage() {
        assertThatThrownBy(() -> fixture.client().list("/v2/workdays", Map.of("userId", "someone"), 100, r -> {
        })).isInstanceOf(MapiqApiException.class).message().doesNotContain("someone").doesNotContain("pageSize");
    }
}
