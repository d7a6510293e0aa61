package io.github.camelmapiq.mapiq.consumer;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.ConsumerSettings;
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
final class SnapshotStoreOptions {

    private SnapshotStoreOptions() {
    }

    /** The record store the options name, or {@code null} when none is set. */
    static SnapshotStore recordStore(MapiqEndpoint endpoint) {
        ConsumerSettings settings = endpoint.getSettings().consumer();
        if (settings.snapshotStore() != null) {
            return settings.snapshotStore();
        }
        CamelContext context = endpoint.getCamelContext();
        Path path = settings.stateFile();
        if (path != null) {
            return shared(context, "mapiq-stateFile:" + path, FileSnapshotStore.class, () -> new FileSnapshotStore(path));
        }
        DataSource dataSource = settings.stateDataSource();
        if (dataSource != null) {
            return shared(context, "mapiq-stateDataSource:" + System.identityHashCode(dataSource),
                    JdbcSnapshotStore.class, () -> new JdbcSnapshotStore(dataSource));
        }
        return null;
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
