package io.github.camelmapiq.mapiq.client.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The JSON mapper for Mapiq's representations: java.time types written as ISO-8601 strings (offsets kept as sent),
 * unknown properties never fatal (the model keeps them, see {@link MapiqRecord}).
 */
public final class MapiqJson {

    private static final ObjectMapper MAPPER = newMapper();

    private MapiqJson() {
    }

    /** The shared, fully configured mapper (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with the same configuration, for callers that want to customise their own. */
    public static ObjectMapper newMapper() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(IsoDateTimes.module());
        if (!inNativeImage()) {
            builder.addModule(new BlackbirdModule());
        }
        return builder
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /**
     * True while a GraalVM native image is built or runs (the property native-image sets). Blackbird defines classes
     * at run time, which a native image cannot: there Jackson binds by reflection, for which the Camel Quarkus
     * extension registers the model.
     */
    static boolean inNativeImage() {
        return System.getProperty("org.graalvm.nativeimage.imagecode") != null;
    }
}
