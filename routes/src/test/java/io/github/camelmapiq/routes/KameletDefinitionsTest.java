package io.github.camelmapiq.routes;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelet files are what Karavan, Kaoto and the Camel K operator read before anything runs: their definitions must
 * be well-formed JSON Schema, declare every parameter the template uses, mark secrets, and name dependencies that
 * resolve. Each check names the Kamelet and the parameter that breaks it.
 */
class KameletDefinitionsTest {

    private static final Set<String> JSON_SCHEMA_TYPES = Set.of("string", "integer", "number", "boolean");
    private static final String CREDENTIALS = "urn:camel:group:credentials";
    /** Kamelet defaults that differ from the component's on purpose. */
    private static final Map<String, String> INTENDED_DEFAULTS = Map.of(
            "delay", "a Kamelet polls once a minute, not every half second");

    private static JsonNode mapiqOptions;

    @BeforeAll
    static void readComponentCatalog() throws Exception {
        try (InputStream json = KameletDefinitionsTest.class.getResourceAsStream("/META-INF/io/github/camelmapiq/mapiq/mapiq.json")) {
            assertThat(json).as("the component's generated catalog JSON on the classpath").isNotNull();
            mapiqOptions = new ObjectMapper().readTree(json).get("properties");
        }
    }

    static List<KameletFile> kamelets() throws Exception {
        return KameletFile.all();
    }

    @Test
    void theFourMapiqKameletsAreThere() throws Exception {
        assertThat(kamelets()).extracting(KameletFile::fileBaseName).containsExactly(
                "mapiq-checkin-sink", "mapiq-occupancy-sink", "mapiq-reservation-delete-sink", "mapiq-source");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void metadataIsWhatCatalogsAndEditorsRead(KameletFile kamelet) throws Exception {
        assertThat(kamelet.text("apiVersion")).isEqualTo("camel.apache.org/v1");
        assertThat(kamelet.text("kind")).isEqualTo("Kamelet");
        assertThat(kamelet.text("metadata", "name")).as("metadata.name of %s", kamelet).isEqualTo(kamelet.fileBaseName());
        assertThat(kamelet.text("metadata", "labels", "camel.apache.org/kamelet.type"))
                .isEqualTo(kamelet.fileBaseName().substring(kamelet.fileBaseName().lastIndexOf('-') + 1));
        Map<String, Object> annotations = kamelet.map("metadata", "annotations");
        assertThat(annotations.get("camel.apache.org/catalog.version"))
                .as("catalog version of %s is the Camel the project builds on", kamelet)
                .isEqualTo(new DefaultCamelContext(false).getVersion());
        assertThat(annotations).containsKeys("camel.apache.org/kamelet.support.level", "camel.apache.org/provider",
                "camel.apache.org/kamelet.group", "camel.apache.org/kamelet.namespace");
        assertIsSvgDataUri(String.valueOf(annotations.get("camel.apache.org/kamelet.icon")));
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void definitionIsWellFormedJsonSchema(KameletFile kamelet) {
        assertThat(kamelet.text("spec", "definition", "type")).isEqualTo("object");
        assertThat(kamelet.text("spec", "definition", "title")).isNotBlank();
        assertThat(kamelet.text("spec", "definition", "description")).isNotBlank();
        assertThat(kamelet.required()).as("required parameters of %s", kamelet)
                .allMatch(String.class::isInstance)
                .doesNotHaveDuplicates()
                .allMatch(kamelet.parameters()::containsKey);
        kamelet.parameters().forEach((name, schema) -> {
            String where = kamelet + " parameter " + name;
            assertThat(schema.get("title")).as(where + " title").isInstanceOf(String.class);
            assertThat(schema.get("description")).as(where + " description").isInstanceOf(String.class);
            String type = String.valueOf(schema.get("type"));
            assertThat(type).as(where + " type").isIn(JSON_SCHEMA_TYPES);
            if (schema.containsKey("default")) {
                assertHasType(where + " default", schema.get("default"), type);
                assertThat(kamelet.required()).as(where + " has a default, so is not required").doesNotContain(name);
            }
            if (schema.containsKey("enum")) {
                assertThat(schema.get("enum")).as(where + " enum").isInstanceOf(List.class);
                ((List<?>) schema.get("enum")).forEach(value -> assertHasType(where + " enum value", value, type));
                for (String key : List.of("default", "example")) {
                    if (schema.containsKey(key)) {
                        assertThat(asList(schema.get("enum"))).as(where + " " + key).contains(schema.get(key));
                    }
                }
            }
            if (schema.containsKey("x-descriptors")) {
                assertThat(schema.get("x-descriptors")).as(where + " x-descriptors").isInstanceOf(List.class);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void credentialsAreMarkedAndTheSecretIsAPassword(KameletFile kamelet) {
        Map<String, Map<String, Object>> parameters = kamelet.parameters();
        assertThat(kamelet.required()).contains("clientId", "clientSecret");
        assertThat(asList(parameters.get("clientId").get("x-descriptors"))).containsExactly(CREDENTIALS);
        assertThat(asList(parameters.get("clientSecret").get("x-descriptors"))).containsExactly(CREDENTIALS);
        assertThat(parameters.get("clientSecret")).containsEntry("format", "password");
        parameters.forEach((name, schema) -> {
            if ("password".equals(schema.get("format"))) {
                assertThat(asList(schema.get("x-descriptors"))).as(kamelet + " secret " + name).contains(CREDENTIALS);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void everyTemplateParameterIsDeclaredAndEveryDeclaredOneIsUsed(KameletFile kamelet) {
        Set<String> mandatory = kamelet.templatePlaceholders(false);
        Set<String> optional = kamelet.templatePlaceholders(true);
        Set<String> used = new TreeSet<>(mandatory);
        used.addAll(optional);
        assertThat(kamelet.parameters().keySet()).as("parameters of %s", kamelet).containsExactlyInAnyOrderElementsOf(used);
        kamelet.parameters().forEach((name, schema) -> {
            boolean alwaysSet = kamelet.required().contains(name) || schema.containsKey("default");
            assertThat(alwaysSet ? mandatory : optional)
                    .as("%s: %s is %s, so the template writes it {{%s%s}}", kamelet, name,
                            alwaysSet ? "required or defaulted" : "optional without default", alwaysSet ? "" : "?", name)
                    .contains(name);
        });
        Set<String> both = new TreeSet<>(mandatory);
        both.retainAll(optional);
        assertThat(both).as("%s: parameters written both {{x}} and {{?x}}", kamelet).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void templateSetsOnlyOptionsTheComponentHasWithMatchingTypesEnumsAndDefaults(KameletFile kamelet) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> endpoint : mapiqEndpoints(kamelet)) {
            ((Map<?, ?>) endpoint.getOrDefault("parameters", Map.of())).forEach((option, value) -> {
                JsonNode meta = mapiqOptions.get(String.valueOf(option));
                if (meta == null) {
                    problems.add("unknown mapiq option " + option);
                    return;
                }
                String parameter = String.valueOf(value).replaceAll("^\\{\\{\\??([^}]+)}}$", "$1");
                Map<String, Object> schema = kamelet.parameters().get(parameter);
                if (schema != null) {
                    compare(parameter, schema, meta, problems);
                }
            });
        }
        Map<String, Object> resource = kamelet.parameters().get("resource");
        if (resource != null) {
            compare("resource", resource, mapiqOptions.get("resource"), problems);
        }
        assertThat(problems).as("%s against the mapiq component's options", kamelet).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void sharedParametersAreDefinedAlikeInEveryKamelet(KameletFile kamelet) throws Exception {
        KameletFile reference = KameletFile.all().get(0);
        for (String shared : List.of("clientId", "clientSecret", "baseUrl", "tokenUrl")) {
            assertThat(kamelet.parameters().get(shared)).as("%s parameter %s, as in %s", kamelet, shared, reference)
                    .isEqualTo(reference.parameters().get(shared));
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void dependenciesCoverEveryComponentOfTheTemplateAndResolve(KameletFile kamelet) throws Exception {
        List<Object> dependencies = kamelet.list("spec", "dependencies");
        String component = "mvn:io.github.camelmapiq:camel-mapiq:" + projectVersion();
        assertThat(dependencies).as("dependencies of %s", kamelet).contains("camel:kamelet", component).doesNotHaveDuplicates();
        for (String uri : kamelet.templateUris()) {
            String scheme = uri.substring(0, uri.indexOf(':'));
            assertThat(dependencies).as("%s uses %s", kamelet, uri).contains("mapiq".equals(scheme) ? component : "camel:" + scheme);
        }
        assertThat(dependencies).allSatisfy(d -> assertThat(String.valueOf(d)).matches("camel:[a-z0-9-]+|mvn:[\\w.-]+:[\\w.-]+:[\\w.-]+"));
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void sourcesEndInTheSinkAndSinksStartAtTheSource(KameletFile kamelet) {
        String type = kamelet.text("metadata", "labels", "camel.apache.org/kamelet.type");
        List<String> uris = kamelet.templateUris();
        if ("source".equals(type)) {
            assertThat(uris).contains("kamelet:sink").doesNotContain("kamelet:source");
            assertThat(kamelet.text("spec", "types", "out", "mediaType")).isEqualTo("application/json");
        } else {
            assertThat(uris.get(0)).isEqualTo("kamelet:source");
            assertThat(uris).doesNotContain("kamelet:sink");
            assertThat(kamelet.text("spec", "types", "in", "mediaType")).isEqualTo("application/json");
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    @SuppressWarnings("unchecked")
    void sourcesSetTheCloudEventsHeadersBeforeTheSinkAndDescribeThem(KameletFile kamelet) {
        if (!"source".equals(kamelet.text("metadata", "labels", "camel.apache.org/kamelet.type"))) {
            return;
        }
        List<String> headersBeforeSink = new ArrayList<>();
        for (Object step : (List<Object>) kamelet.map("spec", "template", "from").getOrDefault("steps", List.of())) {
            Map<String, Object> map = (Map<String, Object>) step;
            if (map.containsKey("to") && String.valueOf(map.get("to")).equals("kamelet:sink")) {
                break;
            }
            if (map.get("setHeader") instanceof Map<?, ?> setHeader) {
                headersBeforeSink.add(String.valueOf(setHeader.get("name")));
            }
        }
        assertThat(headersBeforeSink).as("%s headers set before kamelet:sink", kamelet)
                .contains("ce-type", "ce-source", "ce-id");
        assertThat(kamelet.text("spec", "definition", "description")).as("%s description", kamelet)
                .contains("`ce-type`", "`ce-source`", "`ce-id`");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mapiqEndpoints(KameletFile kamelet) {
        List<Map<String, Object>> endpoints = new ArrayList<>();
        Map<String, Object> from = kamelet.map("spec", "template", "from");
        if (String.valueOf(from.get("uri")).startsWith("mapiq:")) {
            endpoints.add(from);
        }
        for (Object step : (List<Object>) from.getOrDefault("steps", List.of())) {
            Object to = ((Map<String, Object>) step).get("to");
            if (to instanceof Map<?, ?> target && String.valueOf(target.get("uri")).startsWith("mapiq:")) {
                endpoints.add((Map<String, Object>) target);
            }
        }
        assertThat(endpoints).as("%s calls mapiq:", kamelet).isNotEmpty();
        return endpoints;
    }

    private static void compare(String parameter, Map<String, Object> schema, JsonNode meta, List<String> problems) {
        String metaType = meta.get("type").asText();
        // an enum is written as text, and so is a bean reference (#name) to an object option
        String expectedType = "enum".equals(metaType) || "object".equals(metaType) ? "string" : metaType;
        // a duration is milliseconds (integer) or Camel's duration text (string: 30s, 5m)
        boolean durationAsNumberOrText = "duration".equals(metaType)
                                         && ("integer".equals(schema.get("type")) || "string".equals(schema.get("type")));
        if (!durationAsNumberOrText && !expectedType.equals(schema.get("type"))) {
            problems.add(parameter + " is " + schema.get("type") + ", the option is " + metaType);
        }
        if (meta.has("enum") && schema.containsKey("enum")) {
            List<String> allowed = new ArrayList<>();
            meta.get("enum").forEach(v -> allowed.add(v.asText()));
            if (!allowed.containsAll((List<?>) schema.get("enum"))) {
                problems.add(parameter + " allows " + schema.get("enum") + ", the option only " + allowed);
            }
        }
        if (schema.containsKey("default") && meta.has("defaultValue") && !INTENDED_DEFAULTS.containsKey(parameter)
                && !String.valueOf(schema.get("default")).equals(meta.get("defaultValue").asText())) {
            problems.add(parameter + " defaults to " + schema.get("default") + ", the option to " + meta.get("defaultValue"));
        }
    }

    /** The version in the project's root pom, which the component jar carries. */
    private static String projectVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(RouteFiles.PROJECT_ROOT.resolve("pom.xml").toFile());
        return XPathFactory.newInstance().newXPath().evaluate("/project/version", pom);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object yaml) {
        return yaml instanceof List ? (List<Object>) yaml : List.of();
    }

    private static void assertHasType(String what, Object value, String type) {
        Class<?> expected = switch (type) {
            case "integer" -> Integer.class;
            case "number" -> Number.class;
            case "boolean" -> Boolean.class;
            default -> String.class;
        };
        assertThat(value).as(what).isInstanceOf(expected);
    }

    private static void assertIsSvgDataUri(String icon) throws Exception {
        String prefix = "data:image/svg+xml;base64,";
        assertThat(icon).startsWith(prefix);
        byte[] svg = Base64.getDecoder().decode(icon.substring(prefix.length()));
        assertThat(svg.length).as("icon size").isLessThan(4096);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(new String(svg, StandardCharsets.UTF_8)).doesNotContain("<script");
    }
}
