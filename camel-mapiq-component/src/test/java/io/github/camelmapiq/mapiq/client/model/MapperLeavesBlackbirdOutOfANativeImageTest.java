package io.github.camelmapiq.mapiq.client.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blackbird generates classes at run time, which a GraalVM native image cannot do: in a native image (where
 * native-image sets {@code org.graalvm.nativeimage.imagecode}) the mapper leaves it out and binds by reflection, with
 * the same result.
 */
class MapperLeavesBlackbirdOutOfANativeImageTest {

    private static final String IMAGE_CODE = "org.graalvm.nativeimage.imagecode";

    @Test
    void onTheJvmTheMapperUsesBlackbird() {
        assertThat(System.getProperty(IMAGE_CODE)).isNull();
        assertThat(MapiqJson.newMapper().getRegisteredModuleIds()).contains(new BlackbirdModule().getTypeId());
    }

    @Test
    void inANativeImageTheMapperLeavesBlackbirdOutAndBindsAlike() throws Exception {
        String json = "{\"id\":\"w1\",\"userId\":\"u1\",\"status\":\"Office\",\"startTime\":\"2026-03-02T09:00:00+01:00\"}";
        Workday onTheJvm = MapiqJson.newMapper().readValue(json, Workday.class);
        ObjectMapper imageMapper;
        System.setProperty(IMAGE_CODE, "runtime");
        try {
            imageMapper = MapiqJson.newMapper();
        } finally {
            System.clearProperty(IMAGE_CODE);
        }
        assertThat(imageMapper.getRegisteredModuleIds()).doesNotContain(new BlackbirdModule().getTypeId());
        Workday inTheImage = imageMapper.readValue(json, Workday.class);
        assertThat(inTheImage.getId()).isEqualTo(onTheJvm.getId()).isEqualTo("w1");
        assertThat(inTheImage.getUserId()).isEqualTo("u1");
        assertThat(inTheImage.getStatus()).isEqualTo(WorkdayStatus.OFFICE);
        assertThat(inTheImage.getStartTime()).isEqualTo(onTheJvm.getStartTime())
                .isEqualTo(OffsetDateTime.parse("2026-03-02T09:00:00+01:00"));
        assertThat(imageMapper.writeValueAsString(inTheImage)).isEqualTo(MapiqJson.newMapper().writeValueAsString(onTheJvm));
    }
}
