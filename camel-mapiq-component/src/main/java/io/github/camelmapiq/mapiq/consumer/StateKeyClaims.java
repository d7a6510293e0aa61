package io.github.camelmapiq.mapiq.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.camel.spi.StateRepository;

/**
 * Which running consumer owns each key of each {@link StateRepository}. Two {@code changesOnly} consumers with the same
 * key in one repository (the same resource and filters with different dates or output formats, or one URI used by two
 * routes) would overwrite each other's state: a change delivered by one would be missed by the other after a restart.
 * Both keep the same kind of state, so the stored format cannot tell them apart; the second to start is refused.
 */
final class StateKeyClaims {

    private static final Map<StateRepository<?, ?>, Map<String, String>> OWNERS = new WeakHashMap<>();

    private StateKeyClaims() {
    }

    /**
     * Records that {@code owner} uses {@code key} of {@code repository}.
     *
     * @throws IllegalStateException when another running consumer already uses it
     */
    static synchronized void claim(StateRepository<?, ?> repository, String key, String owner) {
        Map<String, String> keys = OWNERS.computeIfAbsent(repository, r -> new HashMap<>());
        String current = keys.putIfAbsent(key, owner);
        if (current != null && !current.equals(owner)) {
            throw new IllegalStateException(
                    "stateKey '" + key + "' is already used by " + current + " in the same stateRepository; " + owner
                                            + " would overwrite its state and both would miss changes. Set a distinct "
                                            + "stateKey option on one of them (for example stateKey=" + suggestion(owner)
                                            + ").");
        }
    }

    static synchronized void release(StateRepository<?, ?> repository, String key, String owner) {
        Map<String, String> keys = OWNERS.get(repository);
        if (keys != null) {
            keys.remove(key, owner);
        }
    }

    private static String suggestion(String owner) {
        return owner.startsWith("route ") ? owner.substring("route ".length()) : "a name of your choice";
    }
}
