package io.github.camelmapiq.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Test-side control of a running simulator: read and change its data, its clients and tokens,
 * inject faults and read what the API saw. The same operations exist over HTTP under
 * {@code /_simulator} (see the module README).
 *
 * <p>Records are JSON-shaped maps with the v2 field names. Resource names: {@code users},
 * {@code buildings}, {@code parking-lots}, {@code workdays}, {@code workspace-reservations},
 * {@code parking-reservations}, {@code checkin-events} and the read-only, derived
 * {@code checkin-statuses} (latest event per user; its id is the user id). An unknown resource
 * name or an invalid record throws {@link IllegalArgumentException}.
 */
public interface SimulatorControl {

    /** Every record of a resource, in API order. */
    List<Map<String, Object>> list(String resource);

    Optional<Map<String, Object>> get(String resource, String id);

    /**
     * Stores a new record (or replaces one with the same id). A GUID id is generated if absent;
     * denormalised fields (a reservation's names, e-mail, building name, ...) are filled from the
     * referenced user, building or parking lot when not given. Unknown fields are kept and
     * answered by the API. Returns the stored record.
     */
    Map<String, Object> add(String resource, Map<String, Object> record);

    /** Merges changes into a record; throws {@link java.util.NoSuchElementException} for an unknown id. */
    Map<String, Object> update(String resource, String id, Map<String, Object> changes);

    boolean delete(String resource, String id);

    /** Number of records of a resource. */
    int count(String resource);

    /** Adds (or replaces) a v2 client application with these permissions (e.g. {@code users.read}). */
    void registerClient(String clientId, String clientSecret, Set<String> permissions);

    /**
     * Every token issued so far (v1 and v2), in no particular order, so a test can check that none of them reaches a
     * log, an error text or a file.
     */
    Set<String> issuedTokens();

    /** Makes every token issued so far (v1 and v2) answer 401 "revoked". */
    void revokeAllTokens();

    /** Lifetime of tokens issued from now on. */
    void setTokenLifetime(Duration d);

    /** true: lists answer a bare JSON array of every matching record instead of pages. */
    void setBareArrays(boolean b);

    /** Requests per second per client application; 0 disables the limit. */
    void setRateLimitPerSecond(int perSecond);

    /** Minimum time between two check-in events posted for one user; zero disables. */
    void setCheckinThrottle(Duration window);

    /** Date-bounded lists leave out data dated before today minus this many days; at least 0. */
    void setRetentionDays(int days);

    void injectFault(Fault f);

    void clearFaults();

    /** Requests seen by both token endpoints (v2 and v1), whatever their outcome. */
    long tokenRequests();

    /** Calls seen with this method and path (no query string), whatever their status. */
    long calls(String method, String path);

    long calls(String method, String path, int status);

    /** Calls by {@code "METHOD path status"}, e.g. {@code "GET /v2/users 200"}. */
    Map<String, Long> callCounts();

    /** Check-in events accepted through the API (v2 and v1), in order, as stored. */
    List<Map<String, Object>> postedCheckins();

    /** Occupancy readings accepted through the API, in order. */
    List<Map<String, Object>> ingestedReadings();

    /** Ids of workspace reservations deleted through the API (v2 and v1), in order. */
    List<String> deletedReservationIds();

    /** Clears call counters, token request count and the three logs. */
    void resetCounters();
}
