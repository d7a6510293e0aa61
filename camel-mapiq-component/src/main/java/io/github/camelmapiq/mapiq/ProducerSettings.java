package io.github.camelmapiq.mapiq;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What each producer operation of one endpoint does, read once from the options by {@link EndpointSettings} (which
 * checks them) so that no operation reads the options itself. Every operation of the resource gets its record, since
 * header {@code CamelMapiqOperation} picks the operation per exchange.
 *
 * @param path   the resource's path under the API base: option {@code path}, else the resource's own
 * @param pageSize records per page of the listings an operation makes (option {@code pageSize})
 * @param create {@code operation=create} on check-in events
 * @param delete {@code operation=delete} on workspace reservations
 * @param ingest {@code operation=ingest} on occupancy
 * @param get    {@code operation=get}
 * @param raw    {@code mapiq:raw}
 */
public record ProducerSettings(String path, int pageSize, Create create, Delete delete, Ingest ingest, Get get, Raw raw) {

    /** The methods {@code mapiq:raw} sends. */
    public static final List<String> RAW_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /**
     * @param coalesce       answer repeats within the window without a call (option {@code coalesceCheckins})
     * @param throttleWindow the window (option {@code checkinThrottleWindow})
     */
    public record Create(boolean coalesce, Duration throttleWindow) {
    }

    /** @param ignoreNotFound a 404 means already deleted (option {@code ignoreNotFound}) */
    public record Delete(boolean ignoreNotFound) {
    }

    /** @param chunkSize readings per call (option {@code ingestChunkSize}), at least 1 */
    public record Ingest(int chunkSize) {
    }

    /** @param cacheTtl how long one listing answers gets (option {@code getCacheTtl}), zero for no cache */
    public record Get(Duration cacheTtl) {
    }

    /**
     * @param method the method when header {@code CamelMapiqMethod} is absent (option {@code method}), upper case
     * @param path   the path when header {@code CamelMapiqPath} is absent (option {@code path}), or {@code null}
     */
    public record Raw(String method, String path) {
    }

    static ProducerSettings of(MapiqResource resource, MapiqConfiguration configuration) {
        String path = configuration.getPath();
        return new ProducerSettings(configuration.resolvePath(resource), configuration.getPageSize(),
                new Create(configuration.isCoalesceCheckins(),
                        Duration.ofMillis(configuration.getCheckinThrottleWindow())),
                new Delete(configuration.isIgnoreNotFound()),
                new Ingest(configuration.getIngestChunkSize()),
                new Get(Duration.ofMillis(configuration.getGetCacheTtl())),
                new Raw(rawMethod(configuration.getMethod(), "option method"),
                        path == null || path.isBlank() ? null : path.trim()));
    }

    /**
     * {@code value} as a method of {@code mapiq:raw}, upper case.
     *
     * @throws IllegalArgumentException naming {@code where} (an option or a header) and the allowed values
     */
    public static String rawMethod(String value, String where) {
        String method = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!RAW_METHODS.contains(method)) {
            throw new IllegalArgumentException("Invalid HTTP method '" + value + "' in " + where
                                               + " of mapiq:raw; allowed values: " + String.join(", ", RAW_METHODS));
        }
        return method;
    }
}
