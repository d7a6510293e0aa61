package io.github.camelmapiq.mapiq.consumer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmapiq.mapiq.consumer.change.Change;
import io.github.camelmapiq.mapiq.consumer.change.ChangeTracker;
import org.apache.camel.spi.ExceptionHandler;

/**
 * Counts the exchanges of one poll as they are sent and complete, reports each record to the tracker, and lets the tracker store
 * its state once the last one is done, whichever thread completes it.
 */
final class PollCompletion {

    private final ChangeTracker tracker;
    private final ExceptionHandler exceptionHandler;
    private final StateWriteFailures writeFailures;
    private final AtomicInteger outstanding;
    private volatile boolean anyFailed;
    /** Set once the state is stored (or failed to be): the next poll may begin, and finds the state written. */
    private volatile boolean done;

    /** A poll still sending: it counts as one outstanding part until {@link #allSent}. */
    PollCompletion(ChangeTracker tracker, ExceptionHandler exceptionHandler, StateWriteFailures writeFailures) {
        this.tracker = tracker;
        this.exceptionHandler = exceptionHandler;
        this.writeFailures = writeFailures;
        this.outstanding = new AtomicInteger(1);
    }

    /** An exchange is about to be sent; it completes with {@link #succeeded} or {@link #failed}. */
    void sending() {
        outstanding.incrementAndGet();
    }

    /** The poll has sent its last exchange. */
    void allSent() {
        countDown();
    }

    void succeeded(List<Change> changes) {
        changes.forEach(tracker::delivered);
        countDown();
    }

    void failed(List<Change> changes) {
        anyFailed = true;
        changes.forEach(tracker::notDelivered);
        countDown();
    }

    boolean isDone() {
        return done;
    }

    /** Every exchange of the poll has completed, none failed. */
    boolean isDoneWithoutFailure() {
        return isDone() && !anyFailed;
    }

    private void countDown() {
        if (outstanding.decrementAndGet() == 0) {
            finish();
        }
    }

    private void finish() {
        try {
            tracker.pollFinished();
            writeFailures.succeeded();
        } catch (Exception e) {
            writeFailures.failed(e);
            exceptionHandler.handleException("Cannot store the mapiq consumer state; the records of this poll may be "
                                             + "delivered again", e);
        } finally {
            done = true;
        }
    }
}
