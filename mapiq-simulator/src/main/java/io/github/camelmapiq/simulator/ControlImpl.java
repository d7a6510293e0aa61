package io.github.camelmapiq.simulator;

import io.github.camelmapiq.simulator.Model.Rec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** {@link SimulatorControl} over the engine; the HTTP control plane calls the same methods. */
final class ControlImpl implements SimulatorControl {

    private final Engine engine;

    ControlImpl(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<Map<String, Object>> list(String resource) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Rec r : engine.store.all(Resource.of(resource))) {
            out.add(DataStore.toMap(r));
        }
        return out;
    }

    @Override
    public Optional<Map<String, Object>> get(String resource, String id) {
        Rec r = engine.store.get(Resource.of(resource), id);
        return r == null ? Optional.empty() : Optional.of(DataStore.toMap(r));
    }

    @Override
    public Map<String, Object> add(String resource, Map<String, Object> record) {
        Resource r = Resource.of(resource);
        Rec rec = engine.store.create(r, record);
        engine.store.put(rec);
        return DataStore.toMap(rec);
    }

    @Override
    public Map<String, Object> update(String resource, String id, Map<String, Object> changes) {
        Resource r = Resource.of(resource);
        synchronized (engine.store) {
            Rec old = engine.store.get(r, id);
            if (old == null) {
                throw new NoSuchElementException("No " + resource + " record with id '" + id + "'.");
            }
            Rec rec = engine.store.merge(r, old, changes);
            engine.store.put(rec);
            return DataStore.toMap(rec);
        }
    }

    @Override
    public boolean delete(String resource, String id) {
        return engine.store.remove(Resource.of(resource), id) != null;
    }

    @Override
    public int count(String resource) {
        return engine.store.size(Resource.of(resource));
    }

    @Override
    public void registerClient(String clientId, String clientSecret, Set<String> permissions) {
        if (clientId == null || clientSecret == null) {
            throw new IllegalArgumentException("clientId and clientSecret are required");
        }
        engine.tokens.register(clientId, clientSecret, permissions == null ? Set.of() : permissions);
    }

    @Override
    public Set<String> issuedTokens() {
        return engine.tokens.issued();
    }

    @Override
    public void revokeAllTokens() {
        engine.tokens.revokeAll();
    }

    @Override
    public void setTokenLifetime(Duration d) {
        engine.settings.tokenLifetime = Settings.checkTokenLifetime(d);
    }

    @Override
    public void setBareArrays(boolean b) {
        engine.settings.bareArrays = b;
    }

    @Override
    public void setRateLimitPerSecond(int perSecond) {
        engine.settings.rateLimitPerSecond = Settings.checkRateLimit(perSecond);
        engine.limiter.reset();
    }

    @Override
    public void setCheckinThrottle(Duration window) {
        engine.settings.checkinThrottle = Settings.checkCheckinThrottle(window);
    }

    @Override
    public void setRetentionDays(int days) {
        engine.settings.retentionDays = Settings.checkRetentionDays(days);
    }

    @Override
    public void injectFault(Fault f) {
        engine.faults.add(f);
    }

    @Override
    public void clearFaults() {
        engine.faults.clear();
    }

    @Override
    public long tokenRequests() {
        return engine.stats.tokenRequests.sum();
    }

    @Override
    public long calls(String method, String path) {
        return engine.stats.calls(method, path);
    }

    @Override
    public long calls(String method, String path, int status) {
        return engine.stats.calls(method, path, status);
    }

    @Override
    public Map<String, Long> callCounts() {
        return engine.stats.snapshot();
    }

    @Override
    public List<Map<String, Object>> postedCheckins() {
        synchronized (engine.stats.checkins) {
            return List.copyOf(engine.stats.checkins);
        }
    }

    @Override
    public List<Map<String, Object>> ingestedReadings() {
        synchronized (engine.stats.readings) {
            return List.copyOf(engine.stats.readings);
        }
    }

    @Override
    public List<String> deletedReservationIds() {
        synchronized (engine.stats.deletions) {
            return List.copyOf(engine.stats.deletions);
        }
    }

    @Override
    public void resetCounters() {
        engine.stats.reset();
    }
}
