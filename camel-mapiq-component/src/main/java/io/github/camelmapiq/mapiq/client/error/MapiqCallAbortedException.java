package io.github.camelmapiq.mapiq.client.error;

import io.github.camelmapiq.mapiq.MapiqException;

/**
 * A call given up because Camel is stopping: it was waiting before a retry or for a slow answer. Nothing is retried;
 * a consumer delivers the records of the abandoned poll at its next poll after a restart.
 */
public class MapiqCallAbortedException extends MapiqException {

    public MapiqCallAbortedException(String call) {
        super("Mapiq API " + call + " abandoned: Camel is stopping");
    }
}
