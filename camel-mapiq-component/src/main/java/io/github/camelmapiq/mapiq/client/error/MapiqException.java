package io.github.camelmapiq.mapiq.client.error;

/**
 * The root of every failure the Mapiq component reports: an API error, a refused token request, an answer that
 * cannot be used, a call abandoned because Camel is stopping, and a partly ingested batch. A route handles them all
 * with one {@code onException(MapiqException.class)}; the subclasses keep their details (status, problem details,
 * call, chunk).
 * <p>
 * A checked exception, like Camel's {@code CamelException}, but it extends {@link Exception} directly: the client
 * package is free of Camel, and Camel's {@code onException} matches by class, so extending {@code CamelException}
 * would add nothing a route could use. Transport failures that outlast the retries stay {@link java.io.IOException}s.
 */
public class MapiqException extends Exception {

    public MapiqException(String message) {
        super(message);
    }

    public MapiqException(String message, Throwable cause) {
        super(message, cause);
    }
}
