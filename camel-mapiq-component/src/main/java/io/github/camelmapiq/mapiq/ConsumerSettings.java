package io.github.camelmapiq.mapiq;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;

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
 * @param snapshotStore       the store of per-record state the user supplied (option {@code snapshotStore}), or
 *                            {@code null}
 * @param stateFile           the file of per-record state (option {@code stateFile}), absolute, or {@code null}
 * @param stateDataSource     the database of per-record state (option {@code stateDataSource}), or {@code null}
 * @param restartOnDamage     a damaged state is logged and started over (option {@code damagedState=restart})
 *                            rather than failing the consumer's start
 */
public record ConsumerSettings(boolean changesOnly, boolean splitResult, boolean deletedRecordBodies,
                               int maxMessagesPerPoll, Duration checkinOverlap, String stateKey,
                               SnapshotStore snapshotStore, Path stateFile, DataSource stateDataSource,
                               boolean restartOnDamage) {

    /**
     * Reads and checks the consumer options.
     *
     * @throws IllegalArgumentException when more than one of {@code snapshotStore}, {@code stateFile} and
     *                                  {@code stateDataSource} is set, or {@code damagedState} is neither
     *                                  {@code fail} nor {@code restart}
     */
    static ConsumerSettings of(MapiqConfiguration configuration) {
        String key = configuration.getStateKey();
        String file = configuration.getStateFile();
        Path stateFile = file != null && !file.isBlank() ? Path.of(file.trim()).toAbsolutePath().normalize() : null;
        int stores = (configuration.getSnapshotStore() != null ? 1 : 0) + (stateFile != null ? 1 : 0)
                     + (configuration.getStateDataSource() != null ? 1 : 0);
        if (stores > 1) {
            throw new IllegalArgumentException("Set only one of the options snapshotStore, stateFile and "
                                               + "stateDataSource: each names where the consumer state is kept");
        }
        return new ConsumerSettings(configuration.isChangesOnly(), configuration.isSplitResult(),
                configuration.isDeletedRecordBodies(), configuration.getMaxMessagesPerPoll(),
                Duration.ofMillis(configuration.getCheckinOverlap()),
                key != null && !key.isBlank() ? key.trim() : null, configuration.getSnapshotStore(), stateFile,
                configuration.getStateDataSource(), restartOnDamage(configuration.getDamagedState()));
    }

    private static boolean restartOnDamage(String option) {
        String value = option == null ? "fail" : option.trim();
        if ("fail".equalsIgnoreCase(value)) {
            return false;
        }
        if ("restart".equalsIgnoreCase(value)) {
            return true;
        }
        throw new IllegalArgumentException("Invalid damagedState '" + value + "': use fail or restart");
    }
}
