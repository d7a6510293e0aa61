package io.github.camelmapiq.mapiq.client.http;

/**
 * Makes the Mapiq client of an endpoint. The component's own factory ({@code MapiqClients}) shares token managers
 * and connection pools between endpoints; a user's factory (option {@code clientFactory}) may wrap it, for example to
 * add behaviour or count clients, or build clients another way.
 */
@FunctionalInterface
public interface MapiqClientFactory {

    /**
     * The client for one endpoint.
     *
     * @param settings   the endpoint's client settings, already checked
     * @param statistics where the endpoint's calls, retries and errors are counted
     */
    MapiqHttpClient createClient(ClientSettings settings, MapiqEndpointStatistics statistics);
}
