package io.github.camelmapiq.mapiq.consumer.change;

/**
 * How many changes one poll may still deliver: at most {@code maxMessagesPerPoll} when that is more than 0, else no
 * limit. A tracker makes one per poll, when the poll opens its listing, and spends it as it hands out changes; it is
 * guarded as the tracker guards the rest of its poll.
 */
final class PollBudget {

    private final int max;
    private int sent;

    /** @param max the most changes the poll delivers when more than 0; 0 or less for no limit */
    PollBudget(int max) {
        this.max = max;
    }

    /** Whether {@code maxMessagesPerPoll} limits the poll. */
    boolean limited() {
        return max > 0;
    }

    /** Whether the poll has handed out all the changes it may: what is found from now on waits for the next poll. */
    boolean spent() {
        return max > 0 && sent >= max;
    }

    /** A change was handed out. */
    void spend() {
        sent++;
    }

    /** Changes handed out so far. */
    int sent() {
        return sent;
    }

    /** How many more changes the poll may hand out ({@link Long#MAX_VALUE} without a limit). */
    long room() {
        return max > 0 ? Math.max(0, max - sent) : Long.MAX_VALUE;
    }
}
