package io.github.camelmapiq.mapiq;

import java.time.Duration;

/**
 * What a {@code from("mapiq:...")} consumer does with what it lists, read once from the options by
 * {@link EndpointSettings} (which checks them) so that the consumer does not read the options itself.
 *
 * @param changesOnly         deliver only what changed since the last poll (option {@code changesOnly})
 * @param splitResult         one exchange per record rather than one per poll (option {@code splitResult})
 * @param deletedRecordBodies keep each record's last body so a DELETED exchange carries it
 * @param maxMessagesPerPoll  records per poll, 0 for all
 * @param checkinOverlap      how far back a check-in event poll reads again (option {@code checkinOverlap})
 * @param stateKey            the key of the consumer's state as the user set it, or {@code null} for the default
 */
public record ConsumerSettings(boolean changesOnly, boolean splitResult, boolean deletedRecordBodies,
                               int maxMessagesPerPoll, Duration checkinOverlap, String stateKey) {

    static ConsumerSettings of(MapiqConfiguration configuration) {
        String key = configuration.getStateKey();
        return new ConsumerSettings(configuration.isChangesOnly(), configuration.isSplitResult(),
                configuration.isDeletedRecordBodies(), configuration.getMaxMessagesPerPoll(),
                Duration.ofMillis(configuration.getCheckinOverlap()),
                key != null && !key.isBlank() ? key.trim() : null);
    }
}
