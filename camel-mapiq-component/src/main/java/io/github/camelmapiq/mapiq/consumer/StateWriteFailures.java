package io.github.camelmapiq.mapiq.consumer;

import io.github.camelmapiq.mapiq.MapiqException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the changes a consumer holds unwritten bounded when its state cannot be written (a full disk, a database
 * refusing): after {@value #LIMIT} failed writes in a row (a poll's state, or a page's write-ahead marks) the consumer
 * logs one ERROR and each scheduled poll first tries the kept write again, failing with the cause (so that its health
 * check is DOWN and says why) until it succeeds; a poll delivers nothing whose mark could not be written, so no change
 * piles up meanwhile. Once a poll's state is written again, the pause ends.
 */
final class StateWriteFailures {

    static final int LIMIT = 3;

    private static final Logger LOG = LoggerFactory.getLogger(StateWriteFailures.class);

    private final String consumer;
    private int inARow;
    private boolean paused;

    StateWriteFailures(String consumer) {
        this.consumer = consumer;
    }

    synchronized void succeeded() {
        if (paused) {
            LOG.info("The state of {} is written again: polling resumes", consumer);
        }
        inARow = 0;
        paused = false;
    }

    synchronized void failed(Exception cause) {
        inARow++;
        if (!paused && inARow >= LIMIT) {
            paused = true;
            LOG.error("The state of {} could not be written {} times in a row ({}): polling stops until a write "
                      + "succeeds, tried again at each scheduled poll", consumer, inARow, cause.getMessage());
        }
    }

    synchronized boolean paused() {
        return paused;
    }

    /** What a poll that only tried the write again, and failed, reports. */
    MapiqException stillFailing(Exception cause) {
        return new MapiqException("Polling is paused: the consumer state cannot be written (" + cause.getMessage()
                                  + "); the changes delivered since the last write are kept until it can", cause);
    }
}
