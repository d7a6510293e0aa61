package io.github.camelmapiq.mapiq.metrics;

import java.util.Map;
import java.util.function.Supplier;

import io.github.camelmapiq.mapiq.client.auth.TokenStatistics;
import io.github.camelmapiq.mapiq.client.http.MapiqEndpointStatistics;

/**
 * What the meters read of one endpoint: its call statistics, and the token statistics of every credential set its
 * component uses (read again at each bind, as new credential sets appear).
 *
 * @param resource   the resource's name in the URI ({@code users}), a tag
 * @param uri        the endpoint's URI with its secrets masked, a tag
 * @param statistics the endpoint's calls
 * @param tokens     the token statistics of the component, by credential label
 */
public record EndpointFigures(String resource, String uri, MapiqEndpointStatistics statistics,
                              Supplier<Map<String, TokenStatistics>> tokens) {
}
