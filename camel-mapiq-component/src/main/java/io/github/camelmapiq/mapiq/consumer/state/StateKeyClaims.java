package io.github.camelmapiq.mapiq.consumer.state;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * Which running consumer of one CamelContext owns each key of each state repository or snapshot store. Two {@code changesOnly}
 * consumers with the same key in one repository (the same resource and filters with different dates or output formats,
 * or one URI used by two routes) would overwrite each other's state: a change delivered by one would be missed by the
 * other after a restart. Both keep the same kind of state, so the stored format cannot tell them apart; the second to
 * start is refused.
 * <p>
 * Claims belong to their CamelContext (a context plugin) and name repositories by identity: another context in the
 * same JVM, or a separate repository that happens to compare equal, is never refused, and a context's claims go with
 * it.
 */
public final class StateKeyClaims {

    /** Repository (by identity) to key to owner; guarded by {@code this}. */
    private final Map<Object, Map<String, String>> owners = new IdentityHashMap<>();

    private StateKeyClaims() {
    }

    /** The claims of {@code context}, created on first use. */
    public static StateKeyClaims of(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        synchronized (extension) {
            StateKeyClaims claims = extension.getContextPlugin(StateKeyClaims.class);
            if (claims == null) {
                claims = new StateKeyClaims();
                extension.addContextPlugin(StateKeyClaims.class, claims);
            }
            return claims;
        }
    }

    /**
     * Records that {@code owner} uses {@code key} of {@code repository} (a {@code StateRepository} or a
     * {@code SnapshotStore}).
     *
     * @throws IllegalStateException when another running consumer already uses it
     */
    public synchronized void claim(Object repository, String key, String owner) {
        Map<String, String> keys = owners.computeIfAbsent(repository, r -> new HashMap<>());
        String current = keys.putIfAbsent(key, owner);
        if (current != null && !current.equals(owner)) {
            throw new IllegalStateException(
                    "stateKey '" + key + "' is already used by " + current + " in the same stateRepository; " + owner
                                            + " would overwrite its state and both would miss changes. Set a distinct "
                                            + "stateKey option on one of them (for example stateKey=" + suggestion(owner)
                                            + ").");
        }
    }

    public synchronized void release(Object repository, String key, String owner) {
        Map<String, String> keys = owners.get(repository);
        if (keys != null && keys.remove(key, owner) && keys.isEmpty()) {
            owners.remove(repository);
        }
    }

    private static String suggestion(String owner) {
        return owner.startsWith("route ") ? owner.substring("route ".length()) : "a name of your choice";
    }
}
