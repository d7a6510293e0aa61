package io.github.camelmapiq.mapiq.consumer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.consumer.change.ChangeTracker;
import io.github.camelmapiq.mapiq.consumer.state.DamagedStateException;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStoreAsStateRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one consumer's state lives and how it is opened: the snapshot records in a {@link SnapshotStore} when one is
 * set, else (with the check-in events cursor) in the {@code stateRepository}, by default a
 * {@link MemoryStateRepository} of the endpoint. A state that cannot be read at start is reported in one line naming
 * the file or key; with {@code damagedState=restart} that line is a WARN and the consumer starts over.
 */
final class StateLocation {

    private static final Logger LOG = LoggerFactory.getLogger(StateLocation.class);

    private final String key;
    private final SnapshotStore recordStore;
    private final StateRepository<String, String> repository;
    private final Object claimed;
    private final boolean restartOnDamage;

    StateLocation(MapiqEndpoint endpoint, String key) {
        MapiqConfiguration configuration = endpoint.getConfiguration();
        this.key = key;
        this.restartOnDamage = endpoint.getSettings().consumer().restartOnDamage();
        this.recordStore = endpoint.getSettings().consumer().changesOnly() ? SnapshotStoreOptions.recordStore(endpoint)
                : null;
        if (configuration.getStateRepository() == null && recordStore == null) {
            // kept on the endpoint's own configuration: Camel creates a new consumer when a route is restarted
            configuration.setStateRepository(new MemoryStateRepository());
        }
        StateRepository<String, String> configured = configuration.getStateRepository();
        this.repository = configured != null ? configured : new SnapshotStoreAsStateRepository(recordStore);
        boolean cursorInRepository = endpoint.getResource() == MapiqResource.CHECKIN_EVENTS && configured != null;
        this.claimed = recordStore != null && !cursorInRepository ? recordStore : configured;
    }

    /** The record store, or {@code null} when the snapshot state goes to the {@code stateRepository}. */
    SnapshotStore recordStore() {
        return recordStore;
    }

    StateRepository<String, String> repository() {
        return repository;
    }

    /** What the state key is claimed in. */
    Object claimed() {
        return claimed;
    }

    /** Starts the repository and the store (never stopped here: stopping a MemoryStateRepository clears it). */
    void start() throws Exception {
        ServiceHelper.startService(recordStore);
        if (repository instanceof FileStateRepository file && !file.isStarted()) {
            checkLines(file.getFileStore().toPath());
        }
        ServiceHelper.startService(repository);
    }

    /**
     * Camel's {@code FileStateRepository} fails on a line without its {@code =} (a write cut short), and once failed
     * rewrites its file from the lines it could read: so the file is checked before Camel reads it.
     */
    private void checkLines(Path file) throws IOException, DamagedStateException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        long line = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean separator = false;
            boolean empty = true;
            for (int b = in.read();; b = in.read()) {
                if (b == '\n' || b < 0) {
                    line++;
                    if (!empty && !separator) {
                        damagedFile(file, line);
                        return;
                    }
                    if (b < 0) {
                        return;
                    }
                    separator = false;
                    empty = true;
                } else {
                    empty = false;
                    separator |= b == '=';
                }
            }
        }
    }

    private void damagedFile(Path file, long line) throws IOException, DamagedStateException {
        DamagedStateException damaged = new DamagedStateException(
                "The FileStateRepository file " + file + " is damaged: line " + line + " has no '=' (a write cut "
                                                                  + "short, or an edit). Set damagedState=restart to "
                                                                  + "start over, or restore the file from a backup.");
        if (!restartOnDamage) {
            throw damaged;
        }
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        LOG.warn("{} Starting over: the file is set aside as {}, and the consumers keeping their state in it deliver "
                 + "every record again", damaged.getMessage(), aside);
    }

    /** Loads the tracker's state, starting over when it is damaged and {@code damagedState=restart}. */
    void load(ChangeTracker tracker) throws Exception {
        try {
            tracker.load();
        } catch (DamagedStateException damaged) {
            if (!restartOnDamage) {
                throw damaged;
            }
            LOG.warn("{} Starting over (damagedState=restart): every record of {} is delivered again as CREATED",
                    damaged.getMessage(), key);
            tracker.startOver();
        }
    }
}
