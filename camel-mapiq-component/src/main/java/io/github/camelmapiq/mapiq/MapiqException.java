package io.github.camelmapiq.mapiq;

import org.apache.camel.CamelException;

/**
 * The root of every failure the Mapiq component reports: an API error, a refused token request, an answer that
 * cannot be used, Mapiq out of reach once the retries are used up, a call abandoned because Camel is stopping, and a
 * partly ingested batch. A route handles them all with one {@code onException(MapiqException.class)}; the subclasses
 * keep their details (status, problem details, call, chunk).
 * <p>
 * A checked {@link CamelException}, as the project decided: Camel's error handling and a route's
 * {@code onException(CamelException.class)} see every Mapiq failure as a Camel failure. It is the one type of the
 * Camel-free client ({@code io.github.camelmapiq.mapiq.client}) that is not in the client's packages: the client's
 * exceptions extend it, and it is the client's only tie to Camel (camel-api on the class path).
 */
public class MapiqException extends CamelException {

    public MapiqException(String message) {
        super(message);
    }

    public MapiqException(String message, Throwable cause) {
        super(message, cause);
    }
}
