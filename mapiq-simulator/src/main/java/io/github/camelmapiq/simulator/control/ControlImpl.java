package io.github.camelmapiq.simulator.control;

import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.SimulatorControl;
import io.github.camelmapiq.simulator.api.RateLimiter;
import io.github.camelmapiq.simulator.api.Settings;
import io.github.camelmapiq.simulator.api.Tokens;
import io.github.camelmapiq.simulator.api.WriteLog;
import io.github.camelmapiq.simulator.data.DataStore;
import io.github.camelmapiq.simulator.data.Model.Rec;
import io.github.camelmapiq.simulator.data.RecordFactory;
import io.github.camelmapiq.simulator.data.Resource;
import io.github.camelmapiq.simulator.fault.Faults;
import io.github.camelmapiq.simulator.http.CallCounter;
import io.github.camelmapiq.simulator.shape.V2Shapes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** {@link SimulatorControl} over the simulator's parts; the HTTP control plane calls the same methods. */
public final class ControlImpl implements SimulatorControl {

    private final DataStore store;
    private final RecordFactory records;
    private final Settings settings;
    private final Tokens tokens;
    private final RateLimiter limiter;
    private final Faults faults;
    private final CallCounter counter;
    private final WriteLog log;

    public ControlImpl(DataStore store, RecordFactory records, Settings settings, Tokens tokens, RateLimiter limiter,
            Faults faults, CallCounter counter, WriteLog log) {
        this.store = store;
        this.records = records;
        this.settings = settings;
        this.tokens = tokens;
        this.limiter = limiter;
        this.faults = faults;
        this.counter = counter;
        this.log = log;
    }

    @Override
    public List<Map<String, Object>> list(String resource) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Rec r : store.all(Resource.of(resource))) {
            out.add(V2Shapes.toMap(r));
        }
        return out;
    }

    @Override
    public Optional<Map<String, Object>> get(String resource, String id) {
        Rec r = store.get(Resource.of(resource), id);
        return r == null ? Optional.empty() : Optional.of(V2Shapes.toMap(r));
    }

    @Override
    public Map<String, Object> add(String resource, Map<String, Object> record) {
        Rec rec = records.create(Resource.of(resource), record);
        store.put(rec);
        return V2Shapes.toMap(rec);
    }

    @Override
    public Map<String, Object> update(String resource, String id, Map<String, Object> changes) {
        Resource r = Resource.of(resource);
        Rec rec = store.update(r, id, old -> records.merge(r, V2Shapes.toMap(old), changes));
        if (rec == null) {
            throw new NoSuchElementException("No " + resource + " record with id '" + id + "'.");
        }
        return V2Shapes.toMap(rec);
    }

    @Override
    public boolean delete(String resource, String id) {
        return store.remove(Resource.of(resource), id) != null;
    }

    @Override
    public int count(String resource) {
        return store.size(Resource.of(resource));
    }

    @Override
    public void registerClient(String clientId, String clientSecret, Set<String> permissions) {
        if (clientId == null || clientSecret == null) {
            throw new IllegalArgumentException("clientId and clientSecret are required");
        }
        tokens.register(clientId, clientSecret, permissions == null ? Set.of() : permissions);
    }

    @Override
    public Set<String> issuedTokens() {
        return tokens.issued();
    }

    @Override
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    @Override
    public void setTokenLifetime(Duration d) {
        settings.tokenLifetime(d);
    }

    @Override
    public void setBareArrays(boolean b) {
        settings.bareArrays(b);
    }

    @Override
    public void setRateLimitPerSecond(int perSecond) {
        settings.rateLimitPerSecond(perSecond);
        limiter.reset();
    }

    @Override
    public void setCheckinThrottle(Duration window) {
        settings.checkinThrottle(window);
    }

    @Override
    public void setRetentionDays(int days) {
        settings.retentionDays(days);
    }

    @Override
    public void injectFault(Fault f) {
        faults.add(f);
    }

    @Override
    public void clearFaults() {
        faults.clear();
    }

    @Override
    public long tokenRequests() {
        return counter.tokenRequests();
    }

    @Override
    public long calls(String method, String path) {
        return counter.calls(method, path);
    }

    @Override
    public long calls(String method, String path, int status) {
        return counter.calls(method, path, status);
    }

    @Override
    public Map<String, Long> callCounts() {
        return counter.snapshot();
    }

    @Override
    public List<Map<String, Object>> postedCheckins() {
        return log.checkins();
    }

    @Override
    public List<Map<String, Object>> ingestedReadings() {
        return log.readings();
    }

    @Override
    public List<String> deletedReservationIds() {
        return log.deletions();
    }

    @Override
    public void resetCounters() {
        counter.reset();
        log.reset();
    }
}
