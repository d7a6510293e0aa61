package io.github.camelmapiq.mapiq;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.client.http.MapiqClientFactory;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Every option of the mapiq component. The component holds one instance; each endpoint works on a copy, so an
 * endpoint URI overrides what the component sets.
 */
@UriParams
public class MapiqConfiguration implements Cloneable {

    // ---------------------------------------------------------------- security
    @UriParam(label = "security", secret = true,
              description = "OAuth2 client id of the Mapiq API client application (issued by Mapiq support).")
    private String clientId;
    @UriParam(label = "security", secret = true,
              description = "OAuth2 client secret of the Mapiq API client application. Use a property placeholder such as "
                            + "`{{env:MAPIQ_CLIENT_SECRET}}` rather than writing it in a route.")
    private String clientSecret;
    @UriParam(label = "security", defaultValue = MapiqConstants.DEFAULT_TOKEN_URL,
              description = "The OAuth2 token endpoint (client credentials grant).")
    private String tokenUrl = MapiqConstants.DEFAULT_TOKEN_URL;
    @UriParam(label = "security", defaultValue = MapiqConstants.DEFAULT_SCOPE,
              description = "The OAuth2 scope asked for with each token request.")
    private String scope = MapiqConstants.DEFAULT_SCOPE;
    @UriParam(label = "security", defaultValue = "false",
              description = "Fetch a token when the endpoint starts, so that bad credentials fail the route at startup "
                            + "instead of at the first call.")
    private boolean failFast;
    @UriParam(label = "security,advanced", javaType = "java.time.Duration", defaultValue = "60000",
              description = "How long before a token expires it is refreshed (milliseconds, or a duration such as `1m`). "
                            + "Tokens shorter-lived than twice this margin are refreshed at half their lifetime (with a "
                            + "warning at the first token when the margin is as long as its lifetime). 0 or more.")
    private long tokenRefreshMargin = 60_000L;
    @UriParam(label = "security",
              description = "TLS configuration (trust store, key store, protocols) for the calls to Mapiq and its token "
                            + "endpoint.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", defaultValue = "false",
              description = "Allow plain `http://` for `baseUrl` and `tokenUrl` on a host other than this machine. By "
                            + "default such a URL fails the route at startup, since the client secret and the access "
                            + "tokens would cross the network unencrypted; loopback (`localhost`, `127.0.0.1`, `::1`) "
                            + "is always allowed. Only for a connection protected otherwise, such as a TLS-terminating "
                            + "sidecar.")
    private boolean allowInsecureHttp;

    // ---------------------------------------------------------------- common
    @UriParam(label = "common", defaultValue = MapiqConstants.DEFAULT_BASE_URL,
              description = "Base URL of the Mapiq API; resource paths are appended to it.")
    private String baseUrl = MapiqConstants.DEFAULT_BASE_URL;
    @UriParam(label = "common",
              description = "Overrides the resource's default path (e.g. `/v2/reservations/workspaces`), for the cases "
                            + "where Mapiq's real path differs; with `mapiq:raw` the path of the call (may carry a query "
                            + "string).")
    private String path;
    @UriParam(label = "common", defaultValue = "pojo", enums = "pojo,map,json,v1",
              description = "Body of each record: `pojo` (model types), `map`, `json` (String) or `v1` (JSON text in the "
                            + "retired v1 API's shape).")
    private MapiqOutputFormat outputFormat = MapiqOutputFormat.pojo;
    @UriParam(label = "common", defaultValue = "100",
              description = "Records asked for per page when listing (1 to 1000); every page is followed to the end.")
    private int pageSize = 100;

    // ---------------------------------------------------------------- filters (consumer and operation=list)
    @UriParam(label = "common",
              description = "First date of the window of date-bounded resources: an ISO date (`2026-03-01`) or `today` with "
                            + "an optional offset in days (`today-1d` for yesterday; `today 6d`, also written with a plus "
                            + "sign, for six days ahead), evaluated at every poll in `timeZone`. Required for workdays, "
                            + "reservations and check-in events.")
    private String startDate;
    @UriParam(label = "common",
              description = "Last date (inclusive) of the window; same syntax as `startDate`; defaults to `startDate`. "
                            + "Windows over 31 days are split into several calls.")
    private String endDate;
    @UriParam(label = "common",
              description = "Time zone (IANA id such as `Europe/Amsterdam`) in which `today` is evaluated; defaults to the "
                            + "system zone.")
    private String timeZone;
    @UriParam(label = "common", description = "Only records of this user.")
    private String userId;
    @UriParam(label = "common", description = "Only records of this building.")
    private String buildingId;
    @UriParam(label = "common", description = "Parking reservations: only those of this parking lot.")
    private String parkingLotId;
    @UriParam(label = "common", enums = "Office,Remote,NotWorking",
              description = "Workdays: only those with this status.")
    private String status;

    // ---------------------------------------------------------------- consumer
    @UriParam(label = "consumer", defaultValue = "true",
              description = "One exchange per record (with Camel's batch properties); `false` sends one exchange per poll "
                            + "whose body is the whole list.")
    private boolean splitResult = true;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "Emit only what changed since the last successful poll: created, updated and deleted records "
                            + "with header `CamelMapiqChangeType`; for check-in events, only new events.")
    private boolean changesOnly;
    @UriParam(label = "consumer",
              description = "Where `changesOnly` keeps what it has seen, so that a restart neither repeats nor loses "
                            + "records (for example a `FileStateRepository` bean). In memory by default.")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,advanced",
              description = "Key under which this consumer's state is stored in the `stateRepository`; defaults to one "
                            + "derived from the resource and its filters. Set it when two routes poll the same resource "
                            + "with the same filters into one repository.")
    private String stateKey;
    @UriParam(label = "consumer,advanced", javaType = "java.time.Duration", defaultValue = "300000",
              description = "Check-in events with `changesOnly`: how far before the newest event already seen each poll "
                            + "looks again (events are de-duplicated by id), so late-arriving events are not skipped.")
    private long checkinOverlap = 300_000L;
    @UriParam(label = "consumer", defaultValue = "0",
              description = "At most this many records per poll (0 for all); the rest come at the next poll.")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer,advanced", defaultValue = "false",
              description = "With `changesOnly`, keep each record's last body (compressed, about a third of its JSON) in "
                            + "the consumer state so that a DELETED exchange carries the record as last seen. Off by "
                            + "default: the state keeps only ids and fingerprints, and a DELETED exchange has a null body "
                            + "and the record's id in `CamelMapiqRecordId`.")
    private boolean deletedRecordBodies;

    // ---------------------------------------------------------------- producer
    @UriParam(label = "producer", enums = "list,get,create,delete,ingest,raw",
              description = "What the producer does; defaults to the resource's natural write (`create` for "
                            + "checkin-events, `delete` for workspace-reservations, `ingest` for occupancy, `raw` for "
                            + "raw) or `list`.")
    private MapiqOperation operation;
    @UriParam(label = "producer", defaultValue = "GET", enums = "GET,POST,PUT,PATCH,DELETE",
              description = "HTTP method of `mapiq:raw`.")
    private String method = "GET";
    @UriParam(label = "producer", defaultValue = "false",
              description = "`operation=delete`: treat an unknown id (404) as already deleted instead of failing.")
    private boolean ignoreNotFound;
    @UriParam(label = "producer", defaultValue = "false",
              description = "`operation=create` on check-in events: an event for a user whose previous event was sent "
                            + "less than `checkinThrottleWindow` ago and has the same type and building is coalesced "
                            + "(not sent; the body becomes the previous stored event) instead of hitting Mapiq's throttle.")
    private boolean coalesceCheckins;
    @UriParam(label = "producer,advanced", javaType = "java.time.Duration", defaultValue = "60000",
              description = "Mapiq's per-user window for check-in events, used by `coalesceCheckins`.")
    private long checkinThrottleWindow = 60_000L;
    @UriParam(label = "producer", defaultValue = "500",
              description = "`operation=ingest`: readings per request; larger batches are split into chunks of this size.")
    private int ingestChunkSize = 500;
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "0",
              description = "`operation=get`: keep users, buildings and parking lots fetched by id for this long (0 "
                            + "disables the cache).")
    private long getCacheTtl;

    // ---------------------------------------------------------------- http (advanced)
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "10000",
              description = "Timeout to establish a connection (milliseconds or a duration such as `10s`); more than 0.")
    private long connectTimeout = 10_000L;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30000",
              description = "Timeout waiting for data of a response (milliseconds or a duration such as `30s`); more "
                            + "than 0.")
    private long readTimeout = 30_000L;
    @UriParam(label = "advanced", defaultValue = "3",
              description = "Retries of a call after a connection failure, 5xx or 429 (reads), or when Mapiq cannot have "
                            + "processed it (writes). 0 disables retries.")
    private int maxRetries = 3;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "500",
              description = "First backoff between retries; it doubles at each retry, with jitter.")
    private long retryInitialDelay = 500L;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30000",
              description = "Longest wait between two attempts. A `Retry-After` longer than this fails the call at once "
                            + "with a clear message instead of blocking the route.")
    private long maxRetryWait = 30_000L;
    @UriParam(label = "advanced",
              description = "A user-supplied Apache HttpClient 5 to use for every call (its proxy, TLS and interceptors "
                            + "apply; the component does not close it). Each request still carries the endpoint's "
                            + "`connectTimeout` (for a pooled connection) and `readTimeout`, and redirects off.")
    private CloseableHttpClient httpClient;
    @UriParam(label = "advanced",
              description = "Makes the Mapiq client of each endpoint, in place of the component's own (which shares "
                            + "tokens and connection pools between endpoints). A factory may wrap the component's "
                            + "(`MapiqComponent.getClients()`) or build clients another way.")
    private MapiqClientFactory clientFactory;
    @UriParam(label = "advanced", defaultValue = "20",
              description = "Size of the component's HTTP connection pool (per route and in total).")
    private int maxConnections = 20;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "300000",
              description = "Longest one call to Mapiq may take in all: getting its access token (or waiting for one "
                            + "being fetched), every attempt, the waits between them and the reading of the answer (a "
                            + "list: each page). An answer still arriving then is cut off and the call fails with a "
                            + "`MapiqResponseException`. More than 0; it also bounds the token health check.")
    private long callTimeout = 300_000L;
    @UriParam(label = "advanced", defaultValue = "10000",
              description = "Pages followed in one list call (one window of at most 31 days) before the listing is "
                            + "given up as endless with a `MapiqResponseException`.")
    private int maxPagesPerListing = 10_000;
    @UriParam(label = "advanced", defaultValue = "67108864",
              description = "Largest answer accepted, in bytes counted after decompression (one page of a list, one "
                            + "answer of `mapiq:raw`, text included). A larger answer is a `MapiqResponseException`, "
                            + "not retried; it is not read further, and its connection is closed.")
    private int maxResponseSize = 64 * 1024 * 1024;
    @UriParam(label = "advanced", defaultValue = "1048576",
              description = "Largest record of a list accepted, in bytes, and longest string of an answer. A larger "
                            + "record is a `MapiqResponseException`, not retried.")
    private int maxRecordSize = 1024 * 1024;
    @UriParam(label = "advanced", defaultValue = "64",
              description = "Deepest nesting of objects and arrays accepted in an answer. A deeper answer is a "
                            + "`MapiqResponseException`, not retried.")
    private int maxNestingDepth = 64;

    // ---------------------------------------------------------------- proxy
    @UriParam(label = "proxy", description = "Proxy host for calls to Mapiq and its token endpoint.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "Proxy port.")
    private Integer proxyPort;
    @UriParam(label = "proxy", secret = true, description = "Proxy user name, if the proxy requires authentication.")
    private String proxyUsername;
    @UriParam(label = "proxy", secret = true, description = "Proxy password, if the proxy requires authentication.")
    private String proxyPassword;

    // ---------------------------------------------------------------- consumer state stores
    @UriParam(label = "consumer,advanced",
              description = "Where `changesOnly` keeps its state record by record (a `SnapshotStore` bean: "
                            + "`FileSnapshotStore`, `JdbcSnapshotStore`, `MemorySnapshotStore` or your own), so that a "
                            + "poll with 20 changes writes 20 entries. Takes precedence over `stateRepository` for the "
                            + "snapshot state; the check-in events cursor goes to `stateRepository` when one is set, "
                            + "else to this store.")
    private SnapshotStore snapshotStore;
    @UriParam(label = "consumer",
              description = "Keep the `changesOnly` state in this local file, written so that a kill at any byte leaves "
                            + "it readable (an append-only log with a checksum per write and an fsync, compacted by "
                            + "atomic rename). Consumers of one CamelContext may share the file; two processes may not.")
    private String stateFile;
    @UriParam(label = "consumer,advanced",
              description = "Keep the `changesOnly` state in a database: one row per record in table "
                            + "`mapiq_snapshot_record` (and the check-in cursor in `mapiq_state_value`), each poll's "
                            + "writes in one transaction; the tables are created when missing.")
    private DataSource stateDataSource;
    @UriParam(label = "consumer", defaultValue = "fail", enums = "fail,restart",
              description = "What a consumer does when its stored state cannot be read at start (a file cut short or "
                            + "edited, a value that does not decode): `fail` stops the start with one line naming the "
                            + "file or key; `restart` logs that line as a WARN and starts over, delivering every record "
                            + "again as CREATED.")
    private String damagedState = "fail";

    public MapiqConfiguration copy() {
        try {
            return (MapiqConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The path of calls: the {@code path} option when set, else the resource's default. */
    public String resolvePath(MapiqResource resource) {
        return path != null && !path.isBlank() ? path : resource.defaultPath();
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public boolean isFailFast() {
        return failFast;
    }

    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public long getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(long tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public MapiqOutputFormat getOutputFormat() {
        return outputFormat;
    }

    public void setOutputFormat(MapiqOutputFormat outputFormat) {
        this.outputFormat = outputFormat;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    public String getParkingLotId() {
        return parkingLotId;
    }

    public void setParkingLotId(String parkingLotId) {
        this.parkingLotId = parkingLotId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isSplitResult() {
        return splitResult;
    }

    public void setSplitResult(boolean splitResult) {
        this.splitResult = splitResult;
    }

    public boolean isChangesOnly() {
        return changesOnly;
    }

    public void setChangesOnly(boolean changesOnly) {
        this.changesOnly = changesOnly;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public long getCheckinOverlap() {
        return checkinOverlap;
    }

    public void setCheckinOverlap(long checkinOverlap) {
        this.checkinOverlap = checkinOverlap;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public MapiqOperation getOperation() {
        return operation;
    }

    public void setOperation(MapiqOperation operation) {
        this.operation = operation;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public boolean isIgnoreNotFound() {
        return ignoreNotFound;
    }

    public void setIgnoreNotFound(boolean ignoreNotFound) {
        this.ignoreNotFound = ignoreNotFound;
    }

    public boolean isCoalesceCheckins() {
        return coalesceCheckins;
    }

    public void setCoalesceCheckins(boolean coalesceCheckins) {
        this.coalesceCheckins = coalesceCheckins;
    }

    public long getCheckinThrottleWindow() {
        return checkinThrottleWindow;
    }

    public void setCheckinThrottleWindow(long checkinThrottleWindow) {
        this.checkinThrottleWindow = checkinThrottleWindow;
    }

    public int getIngestChunkSize() {
        return ingestChunkSize;
    }

    public void setIngestChunkSize(int ingestChunkSize) {
        this.ingestChunkSize = ingestChunkSize;
    }

    public long getGetCacheTtl() {
        return getCacheTtl;
    }

    public void setGetCacheTtl(long getCacheTtl) {
        this.getCacheTtl = getCacheTtl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(long maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public MapiqClientFactory getClientFactory() {
        return clientFactory;
    }

    public void setClientFactory(MapiqClientFactory clientFactory) {
        this.clientFactory = clientFactory;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public int getMaxPagesPerListing() {
        return maxPagesPerListing;
    }

    public void setMaxPagesPerListing(int maxPagesPerListing) {
        this.maxPagesPerListing = maxPagesPerListing;
    }

    public int getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(int maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public int getMaxRecordSize() {
        return maxRecordSize;
    }

    public void setMaxRecordSize(int maxRecordSize) {
        this.maxRecordSize = maxRecordSize;
    }

    public int getMaxNestingDepth() {
        return maxNestingDepth;
    }

    public void setMaxNestingDepth(int maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
    }

    public boolean isDeletedRecordBodies() {
        return deletedRecordBodies;
    }

    public void setDeletedRecordBodies(boolean deletedRecordBodies) {
        this.deletedRecordBodies = deletedRecordBodies;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public SnapshotStore getSnapshotStore() {
        return snapshotStore;
    }

    public void setSnapshotStore(SnapshotStore snapshotStore) {
        this.snapshotStore = snapshotStore;
    }

    public String getStateFile() {
        return stateFile;
    }

    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public DataSource getStateDataSource() {
        return stateDataSource;
    }

    public void setStateDataSource(DataSource stateDataSource) {
        this.stateDataSource = stateDataSource;
    }

    public String getDamagedState() {
        return damagedState;
    }

    public void setDamagedState(String damagedState) {
        this.damagedState = damagedState;
    }
}
