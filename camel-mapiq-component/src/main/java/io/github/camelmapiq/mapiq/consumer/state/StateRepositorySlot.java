package io.github.camelmapiq.mapiq.consumer.state;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * One consumer's slot in a {@link StateRepository}: a single String value under the consumer's state key, tagged with
 * the format that wrote it ({@code format:payload}) so that a key shared by mistake, or a state from an incompatible
 * version, is reported instead of misread. Payloads are one line of ASCII, as Camel's {@code FileStateRepository}
 * requires.
 */
public final class StateRepositorySlot {

    private final StateRepository<String, String> repository;
    private final String key;

    public StateRepositorySlot(StateRepository<String, String> repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    /** The slot under this key plus {@code suffix}, in the same repository: for a state kept in several values. */
    public StateRepositorySlot sibling(String suffix) {
        return new StateRepositorySlot(repository, key + suffix);
    }

    /**
     * The stored payload written with {@code format}, or {@code null} when nothing is stored yet.
     *
     * @throws IllegalStateException when the key holds something else
     */
    public String load(String format) throws DamagedStateException {
        String value = read();
        if (value == null || value.isEmpty()) {
            return null;
        }
        String prefix = format + ":";
        if (value.startsWith(prefix)) {
            return value.substring(prefix.length());
        }
        int end = value.indexOf(':');
        if (end < 0) {
            throw new DamagedStateException(
                    "The consumer state under " + describe() + " is damaged (no format tag). Set "
                                                                  + "damagedState=restart to start over, or restore "
                                                                  + "the state from a backup.");
        }
        String found = "a '" + value.substring(0, Math.min(end, 40)) + "' state";
        throw new IllegalStateException(
                "The stateRepository holds " + found + " under stateKey '" + key + "', not a '" + format
                                        + "' state: is another consumer using the same stateKey? Set a distinct "
                                        + "stateKey, or remove the entry to start afresh.");
    }

    private String read() throws DamagedStateException {
        try {
            return repository.getState(key);
        } catch (RuntimeCamelException e) {
            if (e.getCause() instanceof DamagedStateException damaged) {
                throw damaged; // a SnapshotStoreAsStateRepository passes it on wrapped, as StateRepository allows no checked one
            }
            throw e;
        }
    }

    /** Empties the slot: the next {@link #load} finds nothing. */
    public void clear() {
        repository.setState(key, "");
    }

    /** The key and where it is kept, for messages. */
    public String describe() {
        if (repository instanceof FileStateRepository file) {
            return "key '" + key + "' of the FileStateRepository file " + file.getFileStore();
        }
        if (repository instanceof SnapshotStoreAsStateRepository values) {
            return values.store().describe(key);
        }
        return "key '" + key + "' of the stateRepository";
    }

    public void save(String format, String payload) {
        if (payload.indexOf('\n') >= 0 || payload.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("State payloads must be one line");
        }
        repository.setState(key, format + ":" + payload);
    }
}
