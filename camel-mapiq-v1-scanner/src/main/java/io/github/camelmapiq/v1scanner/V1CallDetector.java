package io.github.camelmapiq.v1scanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds v1 API calls in the lines of one route file, whatever its DSL: a v1 path under {@code api.mapiq.com} (with any
 * Camel HTTP scheme prefix) or under a property placeholder whose name mentions mapiq, and the v1 {@code mapiq-api-key}
 * header. Text-based on purpose: it reads YAML, XML, Java, Kotlin and properties alike and needs no Camel on the
 * classpath. The HTTP method comes from {@code httpMethod=} in the URI or a {@code CamelHttpMethod} header set just
 * before in the same route; when neither is there and the path served several methods, GET is assumed and the
 * finding says so. Filters of v1 list calls ({@code startDate}, {@code userId}, ...) are carried to the {@code mapiq:}
 * URI ({@code ${date:now:yyyy-MM-dd}} becomes {@code today}, which a plain {@code to} evaluates); any other query
 * parameter is named in the finding, never silently dropped. Calls that answered JSON get {@code outputFormat=v1}, so
 * the replacement hands the downstream the same JSON text.
 */
final class V1CallDetector {

    private static final Pattern V1_URL = Pattern.compile(
            "(?<![\\w.-])((?:[a-zA-Z][\\w+-]*:(?://)?)*api\\.mapiq\\.com|\\{\\{[^{}]*mapiq[^{}]*}}|\\$\\{[^{}]*mapiq[^{}]*})"
                                                          + "(/[^\\s\"'<>`)]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern API_KEY = Pattern.compile("mapiq-api-key", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD_HEADER = Pattern.compile("CamelHttpMethod|HTTP_METHOD");
    private static final Pattern METHOD_WORD = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE)\\b");
    /** A header set before this line belongs to another route. */
    private static final Pattern ROUTE_START = Pattern.compile("\\bfrom\\s*[(:]|<from\\b|<route\\b|\\broute:");
    private static final Pattern METHOD_OPTION = Pattern.compile("(?i)(?:^|&)httpMethod=([a-z]+)");
    /** {@code ${date:now:yyyy-MM-dd}}, optionally {@code now+6d} or {@code now-1d}. */
    private static final Pattern NOW_DATE = Pattern.compile("\\$\\{date:now(?:([+-])(\\d+)d)?:yyyy-MM-dd}");
    /** How many lines before a URL a {@code CamelHttpMethod} header is looked for. */
    private static final int METHOD_LOOKBACK = 6;

    private V1CallDetector() {
    }

    static List<V1Finding> detect(Path file, List<String> lines) {
        List<V1Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher url = V1_URL.matcher(line);
            while (url.find()) {
                V1Finding f = urlFinding(file, lines, i, url.group(1), url.group(2).replace("&amp;", "&"));
                if (f != null) {
                    findings.add(f);
                }
            }
            if (API_KEY.matcher(line).find()) {
                findings.add(new V1Finding(file, i + 1, "header mapiq-api-key", null,
                        "nothing: remove the header and set clientId and clientSecret on the mapiq component",
                        "v2 no longer uses API keys; it authenticates with OAuth2 client credentials."));
            }
        }
        return findings;
    }

    private static V1Finding urlFinding(Path file, List<String> lines, int index, String base, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        List<V1Endpoint> candidates = V1Endpoint.onPath(path);
        if (candidates.isEmpty()) {
            return null;
        }
        String stated = statedMethod(lines, index, query);
        String method = stated != null ? stated : candidates.get(0).method();
        String call = method + " " + base + pathAndQuery;
        V1Endpoint endpoint = candidates.stream().filter(e -> e.method().equals(method)).findFirst().orElse(null);
        if (endpoint == null) {
            return new V1Finding(file, index + 1, call, null, "mapiq:raw?method=" + method + "&path=<the v2 path>",
                    method + " " + path + " is not in Mapiq's migration guide; find its v2 path in Mapiq's API reference.");
        }
        StringBuilder note = new StringBuilder(endpoint.changes());
        if (stated == null && candidates.size() > 1) {
            note.append(" The route states no HTTP method, so ").append(method).append(" is assumed; ")
                    .append(candidates.stream().filter(e -> e != endpoint)
                            .map(e -> e.method() + " " + e.path() + " maps to " + e.mapiqUri())
                            .collect(Collectors.joining("; ")))
                    .append('.');
        }
        return new V1Finding(file, index + 1, call, endpoint, replacement(endpoint, query, note), note.toString());
    }

    private static String replacement(V1Endpoint endpoint, String query, StringBuilder note) {
        if (endpoint.mapiqUri() == null) {
            return "nothing: set clientId and clientSecret on the mapiq component";
        }
        StringBuilder uri = new StringBuilder(endpoint.mapiqUri());
        List<String> dropped = new ArrayList<>();
        List<String> dynamic = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String carried = V1Endpoint.CARRIED_QUERY_PARAMETERS.stream().filter(name::equalsIgnoreCase).findFirst()
                    .orElse(null);
            if (carried == null || !"GET".equals(endpoint.method())) {
                dropped.add(name);
            } else {
                String value = eq < 0 ? "" : relativeDate(pair.substring(eq + 1));
                appendParameter(uri, carried + (eq < 0 ? "" : "=" + value));
                if (value.contains("${")) {
                    dynamic.add(value);
                }
            }
        }
        if (!"DELETE".equals(endpoint.method())) {
            appendParameter(uri, "outputFormat=v1");
            note.append(" outputFormat=v1 keeps the JSON v1 answered, as text; without it the body is v2 records as "
                        + "Java objects.");
        }
        if (!dynamic.isEmpty()) {
            note.append(' ').append(String.join(", ", dynamic)).append(" is evaluated only in toD; in to or from use ")
                    .append("today, today+1d, ... or set header CamelMapiqStartDate.");
        }
        if (!dropped.isEmpty()) {
            note.append(" Query parameters not carried over: ").append(String.join(", ", dropped)).append('.');
        }
        return uri.toString();
    }

    private static void appendParameter(StringBuilder uri, String parameter) {
        uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(parameter);
    }

    /**
     * Camel's {@code ${date:now:yyyy-MM-dd}} (or {@code now+6d}, {@code now-1d}) as the component's own date
     * expression ({@code today}, {@code today+6d}, ...), which a plain {@code to} or {@code from} evaluates at each call
     * in the system zone, as {@code ${date:now}} did; any other value is kept.
     */
    private static String relativeDate(String value) {
        Matcher date = NOW_DATE.matcher(value);
        return date.matches() ? "today" + (date.group(1) == null ? "" : date.group(1) + date.group(2) + "d") : value;
    }

    /** The method the route states for the call on line {@code index}, upper case, or {@code null}. */
    private static String statedMethod(List<String> lines, int index, String query) {
        Matcher option = METHOD_OPTION.matcher(query);
        if (option.find()) {
            return option.group(1).toUpperCase(Locale.ROOT);
        }
        for (int j = index - 1; j >= Math.max(0, index - METHOD_LOOKBACK); j--) {
            if (METHOD_HEADER.matcher(lines.get(j)).find()) {
                for (int k = j; k < index; k++) {
                    Matcher word = METHOD_WORD.matcher(lines.get(k));
                    if (word.find()) {
                        return word.group(1);
                    }
                }
                return null;
            }
            if (ROUTE_START.matcher(lines.get(j)).find()) {
                return null;
            }
        }
        return null;
    }
}
