package io.github.camelmapiq.mapiq.consumer;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.consumer.state.FileSnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.JdbcSnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;

/**
 * Picks the {@link SnapshotStore} of a {@code changesOnly} consumer from options {@code snapshotStore},
 * {@code stateFile} and {@code stateDataSource}. A store made from {@code stateFile} or {@code stateDataSource} is
 * one per file or DataSource in a CamelContext (bound in its registry, stopped with it), so that consumers sharing a
 * file share its writer.
 */
final class ConsumerStateStores {

    static final String FAIL = "fail";
    static final String RESTART = "restart";

    private ConsumerStateStores() {
    }

    /** The record store the options name, or {@code null} when none is set. */
    static SnapshotStore recordStore(MapiqEndpoint endpoint) {
        MapiqConfiguration configuration = endpoint.getConfiguration();
        String file = configuration.getStateFile();
        boolean hasFile = file != null && !file.isBlank();
        DataSource dataSource = configuration.getStateDataSource();
        int chosen = (configuration.getSnapshotStore() != null ? 1 : 0) + (hasFile ? 1 : 0) + (dataSource != null ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException("Set only one of the options snapshotStore, stateFile and "
                                               + "stateDataSource: each names where the consumer state is kept");
        }
        if (configuration.getSnapshotStore() != null) {
            return configuration.getSnapshotStore();
        }
        CamelContext context = endpoint.getCamelContext();
        if (hasFile) {
            Path path = Path.of(file.trim()).toAbsolutePath().normalize();
            return shared(context, "mapiq-stateFile:" + path, FileSnapshotStore.class, () -> new FileSnapshotStore(path));
        }
        if (dataSource != null) {
            return shared(context, "mapiq-stateDataSource:" + System.identityHashCode(dataSource),
                    JdbcSnapshotStore.class, () -> new JdbcSnapshotStore(dataSource));
        }
        return null;
    }

    /** Whether a damaged state makes the consumer start over; validates the option. */
    static boolean restartsOnDamage(MapiqConfiguration configuration) {
        String value = configuration.getDamagedState() == null ? FAIL : configuration.getDamagedState().trim();
        if (FAIL.equalsIgnoreCase(value)) {
            return false;
        }
        if (RESTART.equalsIgnoreCase(value)) {
            return true;
        }
        throw new IllegalArgumentException("Invalid damagedState '" + value + "': use fail or restart");
    }

    private static <T extends SnapshotStore> T shared(CamelContext context, String name, Class<T> type,
                                                      java.util.function.Supplier<T> create) {
        synchronized (context) {
            T store = context.getRegistry().lookupByNameAndType(name, type);
            if (store == null) {
                store = create.get();
                try {
                    context.addService(store, true, true);
                } catch (Exception e) {
                    throw RuntimeCamelException.wrapRuntimeCamelException(e);
                }
                context.getRegistry().bind(name, type, store);
            }
            return store;
        }
    }
}
