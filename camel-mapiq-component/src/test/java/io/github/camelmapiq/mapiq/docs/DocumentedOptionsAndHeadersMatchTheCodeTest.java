package io.github.camelmapiq.mapiq.docs;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user guide's option tables and the generated catalog cannot drift: every option a table names exists with the
 * default the table gives (none when the cell is empty), every option of the component is in a table, and every
 * {@code CamelMapiq...} header the README or the guide names is a header of {@link MapiqConstants}, each of which the
 * guide's header tables describe.
 */
class DocumentedOptionsAndHeadersMatchTheCodeTest {

    /** Options every Camel endpoint or polling consumer has; the guide leaves them to Camel's docs. */
    private static final Set<String> CAMEL_STANDARD = Set.of("bridgeErrorHandler", "exceptionHandler",
            "exchangePattern", "lazyStartProducer", "autowiredEnabled", "configuration", "pollStrategy",
            "runLoggingLevel", "scheduledExecutorService", "schedulerProperties", "startScheduler", "timeUnit",
            "useFixedDelay");
    private static final Pattern HEADER = Pattern.compile("CamelMapiq\\w+");
    private static final Pattern TABLE = Pattern.compile("(?ms)^\\|===\\n(.*?)^\\|===");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?:^|\\s)\\|(?=\\s|$)");

    private static JsonNode catalogOptions() throws Exception {
        try (InputStream json = MapiqComponent.class.getResourceAsStream("/META-INF/io/github/camelmapiq/mapiq/mapiq.json")) {
            return MapiqJson.mapper().readTree(json).get("properties");
        }
    }

    /** The rows of the guide's tables headed {@code first | second | ...} (header row excluded). */
    private static List<List<String>> rows(String first, String second) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        Matcher table = TABLE.matcher(Files.readString(DocSnippets.GUIDE));
        while (table.find()) {
            String[] lines = table.group(1).split("\n", 2);
            List<String> header = cells(lines[0]);
            if (!header.get(0).equals(first) || !header.get(1).equals(second) || lines.length < 2) {
                continue;
            }
            List<String> cells = cells(lines[1]);
            for (int i = 0; i + header.size() <= cells.size(); i += header.size()) {
                rows.add(cells.subList(i, i + header.size()));
            }
        }
        return rows;
    }

    private static List<String> cells(String text) {
        List<String> cells = new ArrayList<>(Arrays.stream(CELL_SEPARATOR.split(text.strip()))
                .map(c -> c.strip().replaceAll("\\s+", " ")).toList());
        cells.remove(0); // the text before the first separator
        return cells;
    }

    private static List<String> names(String cell) {
        return Arrays.stream(cell.split(",")).map(n -> n.replace("`", "").strip()).toList();
    }

    @Test
    void everyDocumentedOptionExistsWithItsDocumentedDefault() throws Exception {
        JsonNode catalog = catalogOptions();
        List<List<String>> rows = rows("Option", "Default");

        assertThat(rows).hasSizeGreaterThan(30);
        for (List<String> row : rows) {
            String documentedDefault = row.get(1).replace("`", "");
            for (String name : names(row.get(0))) {
                JsonNode option = catalog.get(name);
                assertThat(option).as("option %s of the guide in the catalog", name).isNotNull();
                JsonNode catalogDefault = option.get("defaultValue");
                if (documentedDefault.isEmpty()) {
                    assertThat(catalogDefault).as("default of %s (the guide gives none)", name).isNull();
                } else {
                    assertThat(catalogDefault).as("default of %s (the guide says %s)", name, documentedDefault)
                            .isNotNull();
                    assertThat(normalized(option, documentedDefault))
                            .as("default of %s", name).isEqualTo(normalized(option, catalogDefault.asText()));
                }
            }
        }
    }

    private static String normalized(JsonNode option, String value) {
        return option.path("type").asText().equals("duration")
                ? String.valueOf(TimeUtils.toMilliSeconds(value)) : value;
    }

    @Test
    void everyOptionOfTheComponentIsInATable() throws Exception {
        Set<String> documented = rows("Option", "Default").stream().flatMap(row -> names(row.get(0)).stream())
                .collect(Collectors.toSet());
        List<String> undocumented = new ArrayList<>();
        catalogOptions().fieldNames().forEachRemaining(name -> {
            if (!documented.contains(name) && !CAMEL_STANDARD.contains(name) && !name.equals("resource")) {
                undocumented.add(name);
            }
        });

        assertThat(undocumented).as("options missing from the guide's option tables").isEmpty();
    }

    @Test
    void everyHeaderTheDocsNameExistsAndEveryHeaderIsDescribed() throws Exception {
        Set<String> constants = new LinkedHashSet<>();
        for (Field field : MapiqConstants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String value
                && value.startsWith("CamelMapiq")) {
                constants.add(value);
            }
        }
        Set<String> named = new LinkedHashSet<>();
        for (Path doc : List.of(DocSnippets.README, DocSnippets.GUIDE)) {
            HEADER.matcher(Files.readString(doc)).results().forEach(m -> named.add(m.group()));
        }
        Set<String> described = new LinkedHashSet<>();
        for (String second : List.of("Type", "In/out")) {
            rows("Header", second).forEach(row -> described.addAll(names(row.get(0))));
        }

        assertThat(constants).as("headers of MapiqConstants").hasSizeGreaterThan(10);
        assertThat(named).as("headers named in the README and the guide").isSubsetOf(constants);
        assertThat(described).as("headers of the guide's header tables").containsAll(constants);
    }

    /** The guide's sentences naming the options set only on an endpoint, and only on the component. */
    @Test
    void theOptionsOnlyOnAnEndpointAndOnlyOnTheComponentAreThoseOfTheCatalog() throws Exception {
        JsonNode catalog;
        try (InputStream json = MapiqComponent.class.getResourceAsStream("/META-INF/io/github/camelmapiq/mapiq/mapiq.json")) {
            catalog = MapiqJson.mapper().readTree(json);
        }
        Set<String> endpoint = new LinkedHashSet<>();
        catalog.get("properties").fieldNames().forEachRemaining(endpoint::add);
        Set<String> component = new LinkedHashSet<>();
        catalog.get("componentProperties").fieldNames().forEachRemaining(component::add);
        String guide = Files.readString(DocSnippets.GUIDE).replaceAll("\\s+", " ");

        assertThat(namedAfter(guide, "Only on an endpoint:")).as("options only on an endpoint")
                .containsExactlyInAnyOrderElementsOf(endpoint.stream().filter(o -> !component.contains(o)).toList());
        assertThat(namedAfter(guide, "Only on the component:")).as("options only on the component")
                .containsExactlyInAnyOrderElementsOf(component.stream().filter(o -> !endpoint.contains(o)).toList());
    }

    /** The {@code `names`} of the sentence that starts with {@code lead}. */
    private static List<String> namedAfter(String text, String lead) {
        int start = text.indexOf(lead);
        assertThat(start).as("the guide says '%s'", lead).isNotNegative();
        String sentence = text.substring(start, text.indexOf(". ", start));
        return Pattern.compile("`(\\w+)`").matcher(sentence).results().map(m -> m.group(1)).toList();
    }
}
