package io.github.camelmapiq.mapiq.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;

/** The two descriptors the starter must agree on, read from the class path as tools read them from the jars. */
final class Metadata {

    static final String CATALOG = "/META-INF/io/github/camelmapiq/mapiq/mapiq.json";
    static final String SPRING = "/META-INF/spring-configuration-metadata.json";

    private Metadata() {
    }

    /** The component options of the component's catalog descriptor, by option name. */
    static Map<String, JsonNode> componentOptions() {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        read(CATALOG).get("componentProperties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));
        return options;
    }

    /**
     * The starter's Spring Boot properties, by full property name, from the metadata next to the starter's classes
     * (other jars on the class path carry a file of the same name).
     */
    static Map<String, JsonNode> springProperties() {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        read(starterResource(SPRING)).get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        return properties;
    }

    private static URL starterResource(String resource) {
        try {
            URL classes = MapiqComponentConfiguration.class.getProtectionDomain().getCodeSource().getLocation();
            return classes.getPath().endsWith(".jar")
                    ? new URL("jar:" + classes + "!" + resource) : new URL(classes, resource.substring(1));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Spring Boot property of a component option: {@code camel.component.mapiq.read-timeout}. */
    static String propertyOf(String option) {
        return MapiqComponentConfiguration.PREFIX + "." + StringHelper.camelCaseToDash(option);
    }

    private static JsonNode read(String resource) {
        URL url = Metadata.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the class path");
        }
        return read(url);
    }

    private static JsonNode read(URL url) {
        try (InputStream in = url.openStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
