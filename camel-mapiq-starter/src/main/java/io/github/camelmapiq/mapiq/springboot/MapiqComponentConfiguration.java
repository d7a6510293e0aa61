package io.github.camelmapiq.mapiq.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqOperation;
import io.github.camelmapiq.mapiq.MapiqOutputFormat;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.client.http.MapiqClientFactory;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The options of the {@code mapiq} component as Spring Boot properties {@code camel.component.mapiq.*}: one field per
 * component option of the component's catalog descriptor, with its description and default, so that the
 * configuration processor writes them into {@code META-INF/spring-configuration-metadata.json} for IDEs.
 * <p>
 * Durations are {@link Duration}s: {@code 20s}, {@code 5m} or milliseconds. Options holding an object take a bean
 * reference, {@code #name} or {@code #bean:name}. {@code StarterPropertiesMatchTheComponentCatalogTest} keeps this
 * class and the component's options in step.
 */
@ConfigurationProperties(prefix = MapiqComponentConfiguration.PREFIX)
public class MapiqComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /** The prefix of the component's Spring Boot properties. */
    public static final String PREFIX = "camel.component.mapiq";

    /**
     * Base URL of the Mapiq API; resource paths are appended to it.
     */
    private String baseUrl = "https://api.mapiq.com";

    /**
     * Only records of this building.
     */
    private String buildingId;

    /**
     * Component configuration: its options are the defaults of every endpoint.
     */
    private MapiqConfiguration configuration;

    /**
     * Last date (inclusive) of the window; same syntax as startDate; defaults to startDate. Windows over 31 days are
     * split into several calls.
     */
    private String endDate;

    /**
     * Body of each record: pojo (model types), map, json (String) or v1 (JSON text in the retired v1 API's shape).
     */
    private MapiqOutputFormat outputFormat = MapiqOutputFormat.pojo;

    /**
     * Records asked for per page when listing (1 to 1000); every page is followed to the end.
     */
    private Integer pageSize = 100;

    /**
     * Parking reservations: only those of this parking lot.
     */
    private String parkingLotId;

    /**
     * Overrides the resource's default path (e.g. /v2/reservations/workspaces), for the cases where Mapiq's real
     * path differs; with mapiq:raw the path of the call (may carry a query string).
     */
    private String path;

    /**
     * First date of the window of date-bounded resources: an ISO date (2026-03-01) or today with an optional offset
     * in days (today-1d for yesterday; today 6d, also written with a plus sign, for six days ahead), evaluated at
     * every poll in timeZone. Required for workdays, reservations and check-in events.
     */
    private String startDate;

    /**
     * Workdays: only those with this status.
     */
    private String status;

    /**
     * Time zone (IANA id such as Europe/Amsterdam) in which today is evaluated; defaults to the system zone.
     */
    private String timeZone;

    /**
     * Only records of this user.
     */
    private String userId;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * Emit only what changed since the last successful poll: created, updated and deleted records with header
     * CamelMapiqChangeType; for check-in events, only new events.
     */
    private Boolean changesOnly = false;

    /**
     * At most this many records per poll (0 for all); the rest come at the next poll.
     */
    private Integer maxMessagesPerPoll = 0;

    /**
     * One exchange per record (with Camel's batch properties); false sends one exchange per poll whose body is the
     * whole list.
     */
    private Boolean splitResult = true;

    /**
     * Where changesOnly keeps what it has seen, so that a restart neither repeats nor loses records (for example a
     * FileStateRepository bean). In memory by default.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * Check-in events with changesOnly: how far before the newest event already seen each poll looks again (events
     * are de-duplicated by id), so late-arriving events are not skipped.
     */
    private Duration checkinOverlap = Duration.ofMinutes(5);

    /**
     * Key under which this consumer's state is stored in the stateRepository; defaults to one derived from the
     * resource and its filters. Set it when two routes poll the same resource with the same filters into one
     * repository.
     */
    private String stateKey;

    /**
     * operation=create on check-in events: an event for a user whose previous event was sent less than
     * checkinThrottleWindow ago and has the same type and building is coalesced (not sent; the body becomes the
     * previous stored event) instead of hitting Mapiq's throttle.
     */
    private Boolean coalesceCheckins = false;

    /**
     * operation=get: keep users, buildings and parking lots fetched by id for this long (0 disables the cache).
     */
    private Duration getCacheTtl = Duration.ofMillis(0);

    /**
     * operation=delete: treat an unknown id (404) as already deleted instead of failing.
     */
    private Boolean ignoreNotFound = false;

    /**
     * operation=ingest: readings per request; larger batches are split into chunks of this size.
     */
    private Integer ingestChunkSize = 500;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * HTTP method of mapiq:raw.
     */
    private String method = "GET";

    /**
     * What the producer does; defaults to the resource's natural write (create for checkin-events, delete for
     * workspace-reservations, ingest for occupancy, raw for raw) or list.
     */
    private MapiqOperation operation;

    /**
     * Mapiq's per-user window for check-in events, used by coalesceCheckins.
     */
    private Duration checkinThrottleWindow = Duration.ofMinutes(1);

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Timeout to establish a connection (milliseconds or a duration such as 10s).
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * A user-supplied Apache HttpClient 5 to use for every call (its own timeouts, proxy and TLS apply; the
     * component does not close it).
     */
    private CloseableHttpClient httpClient;

    /**
     * Makes the Mapiq client of each endpoint, in place of the component's own (which shares tokens and connection
     * pools between endpoints). A factory may wrap the component's (MapiqComponent.getClients()) or build clients
     * another way.
     */
    private MapiqClientFactory clientFactory;

    /**
     * Size of the component's HTTP connection pool (per route and in total).
     */
    private Integer maxConnections = 20;

    /**
     * Retries of a call after a connection failure, 5xx or 429 (reads), or when Mapiq cannot have processed it
     * (writes). 0 disables retries.
     */
    private Integer maxRetries = 3;

    /**
     * Longest wait between two attempts. A Retry-After longer than this fails the call at once with a clear message
     * instead of blocking the route.
     */
    private Duration maxRetryWait = Duration.ofSeconds(30);

    /**
     * Timeout waiting for data of a response (milliseconds or a duration such as 30s).
     */
    private Duration readTimeout = Duration.ofSeconds(30);

    /**
     * First backoff between retries; it doubles at each retry, with jitter.
     */
    private Duration retryInitialDelay = Duration.ofMillis(500);

    /**
     * Proxy host for calls to Mapiq and its token endpoint.
     */
    private String proxyHost;

    /**
     * Proxy password, if the proxy requires authentication.
     */
    private String proxyPassword;

    /**
     * Proxy port.
     */
    private Integer proxyPort;

    /**
     * Proxy user name, if the proxy requires authentication.
     */
    private String proxyUsername;

    /**
     * OAuth2 client id of the Mapiq API client application (issued by Mapiq support).
     */
    private String clientId;

    /**
     * OAuth2 client secret of the Mapiq API client application. Use a property placeholder such as
     * {{env:MAPIQ_CLIENT_SECRET}} rather than writing it in a route.
     */
    private String clientSecret;

    /**
     * Fetch a token when the endpoint starts, so that bad credentials fail the route at startup instead of at the
     * first call.
     */
    private Boolean failFast = false;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * With changesOnly, keep each record's last body (compressed, about a third of its JSON) in the consumer state
     * so that a DELETED exchange carries the record as last seen. Off by default: the state keeps only ids and
     * fingerprints, and a DELETED exchange has a null body and the record's id in CamelMapiqRecordId.
     */
    private Boolean deletedRecordBodies = false;

    /**
     * Longest one call to Mapiq may take in all: every attempt, the waits between them and the reading of the answer
     * (a list: each page). An answer still arriving then is cut off and the call fails with a
     * MapiqResponseException; 0 for no limit besides readTimeout.
     */
    private Duration callTimeout = Duration.ofMillis(300000);

    /**
     * Deepest nesting of objects and arrays accepted in an answer. A deeper answer is a MapiqResponseException, not
     * retried.
     */
    private Integer maxNestingDepth = 64;

    /**
     * Pages followed in one list call (one window of at most 31 days) before the listing is given up as endless with
     * a MapiqResponseException.
     */
    private Integer maxPagesPerListing = 10000;

    /**
     * Largest record of a list accepted, in bytes, and longest string of an answer. A larger record is a
     * MapiqResponseException, not retried.
     */
    private Integer maxRecordSize = 1048576;

    /**
     * Largest answer accepted, in bytes (one page of a list). A larger answer is a MapiqResponseException, not
     * retried.
     */
    private Integer maxResponseSize = 67108864;

    /**
     * Allow plain http:// for baseUrl and tokenUrl on a host other than this machine. By default such a URL fails
     * the route at startup, since the client secret and the access tokens would cross the network unencrypted;
     * loopback (localhost, 127.0.0.1, ::1) is always allowed. Only for a connection protected otherwise, such as a
     * TLS-terminating sidecar.
     */
    private Boolean allowInsecureHttp = false;

    /**
     * The OAuth2 scope asked for with each token request.
     */
    private String scope = "https://api.mapiq.com/public/.default";

    /**
     * TLS configuration (trust store, key store, protocols) for the calls to Mapiq and its token endpoint.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * The OAuth2 token endpoint (client credentials grant).
     */
    private String tokenUrl = "https://account.mapiq.com/api/public/oauth2/token";

    /**
     * How long before a token expires it is refreshed (milliseconds, or a duration such as 1m). Tokens shorter-lived
     * than twice this margin are refreshed at half their lifetime.
     */
    private Duration tokenRefreshMargin = Duration.ofMinutes(1);

    /**
     * Where changesOnly keeps its state record by record (a SnapshotStore bean: FileSnapshotStore, JdbcSnapshotStore,
     * MemorySnapshotStore or your own), so that a poll with 20 changes writes 20 entries. Takes precedence over
     * stateRepository for the snapshot state; the check-in events cursor goes to stateRepository when one is set, else
     * to this store.
     */
    private SnapshotStore snapshotStore;

    /**
     * Keep the changesOnly state in this local file, written so that a kill at any byte leaves it readable (an
     * append-only log with a checksum per write and an fsync, compacted by atomic rename). Consumers of one
     * CamelContext may share the file; two processes may not.
     */
    private String stateFile;

    /**
     * Keep the changesOnly state in a database: one row per record in table mapiq_snapshot_record (and the check-in
     * cursor in mapiq_state_value), each poll's writes in one transaction; the tables are created when missing.
     */
    private DataSource stateDataSource;

    /**
     * What a consumer does when its stored state cannot be read at start (a file cut short or edited, a value that
     * does not decode): fail stops the start with one line naming the file or key; restart logs that line as a WARN
     * and starts over, delivering every record again as CREATED.
     */
    private String damagedState = "fail";

    /**
     * The options as the component names them, with their bound values (null where unset and without default),
     * durations as {@link Duration}.
     */
    Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("baseUrl", baseUrl);
        options.put("buildingId", buildingId);
        options.put("configuration", configuration);
        options.put("endDate", endDate);
        options.put("outputFormat", outputFormat);
        options.put("pageSize", pageSize);
        options.put("parkingLotId", parkingLotId);
        options.put("path", path);
        options.put("startDate", startDate);
        options.put("status", status);
        options.put("timeZone", timeZone);
        options.put("userId", userId);
        options.put("bridgeErrorHandler", bridgeErrorHandler);
        options.put("changesOnly", changesOnly);
        options.put("maxMessagesPerPoll", maxMessagesPerPoll);
        options.put("splitResult", splitResult);
        options.put("stateRepository", stateRepository);
        options.put("checkinOverlap", checkinOverlap);
        options.put("stateKey", stateKey);
        options.put("coalesceCheckins", coalesceCheckins);
        options.put("getCacheTtl", getCacheTtl);
        options.put("ignoreNotFound", ignoreNotFound);
        options.put("ingestChunkSize", ingestChunkSize);
        options.put("lazyStartProducer", lazyStartProducer);
        options.put("method", method);
        options.put("operation", operation);
        options.put("checkinThrottleWindow", checkinThrottleWindow);
        options.put("autowiredEnabled", autowiredEnabled);
        options.put("connectTimeout", connectTimeout);
        options.put("httpClient", httpClient);
        options.put("clientFactory", clientFactory);
        options.put("maxConnections", maxConnections);
        options.put("maxRetries", maxRetries);
        options.put("maxRetryWait", maxRetryWait);
        options.put("readTimeout", readTimeout);
        options.put("retryInitialDelay", retryInitialDelay);
        options.put("proxyHost", proxyHost);
        options.put("proxyPassword", proxyPassword);
        options.put("proxyPort", proxyPort);
        options.put("proxyUsername", proxyUsername);
        options.put("clientId", clientId);
        options.put("clientSecret", clientSecret);
        options.put("failFast", failFast);
        options.put("healthCheckConsumerEnabled", healthCheckConsumerEnabled);
        options.put("healthCheckProducerEnabled", healthCheckProducerEnabled);
        options.put("deletedRecordBodies", deletedRecordBodies);
        options.put("callTimeout", callTimeout);
        options.put("maxNestingDepth", maxNestingDepth);
        options.put("maxPagesPerListing", maxPagesPerListing);
        options.put("maxRecordSize", maxRecordSize);
        options.put("maxResponseSize", maxResponseSize);
        options.put("allowInsecureHttp", allowInsecureHttp);
        options.put("scope", scope);
        options.put("sslContextParameters", sslContextParameters);
        options.put("tokenUrl", tokenUrl);
        options.put("tokenRefreshMargin", tokenRefreshMargin);
        options.put("snapshotStore", snapshotStore);
        options.put("stateFile", stateFile);
        options.put("stateDataSource", stateDataSource);
        options.put("damagedState", damagedState);
        return options;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    public MapiqConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MapiqConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public MapiqOutputFormat getOutputFormat() {
        return outputFormat;
    }

    public void setOutputFormat(MapiqOutputFormat outputFormat) {
        this.outputFormat = outputFormat;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getParkingLotId() {
        return parkingLotId;
    }

    public void setParkingLotId(String parkingLotId) {
        this.parkingLotId = parkingLotId;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getChangesOnly() {
        return changesOnly;
    }

    public void setChangesOnly(Boolean changesOnly) {
        this.changesOnly = changesOnly;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Boolean getSplitResult() {
        return splitResult;
    }

    public void setSplitResult(Boolean splitResult) {
        this.splitResult = splitResult;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Duration getCheckinOverlap() {
        return checkinOverlap;
    }

    public void setCheckinOverlap(Duration checkinOverlap) {
        this.checkinOverlap = checkinOverlap;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public Boolean getCoalesceCheckins() {
        return coalesceCheckins;
    }

    public void setCoalesceCheckins(Boolean coalesceCheckins) {
        this.coalesceCheckins = coalesceCheckins;
    }

    public Duration getGetCacheTtl() {
        return getCacheTtl;
    }

    public void setGetCacheTtl(Duration getCacheTtl) {
        this.getCacheTtl = getCacheTtl;
    }

    public Boolean getIgnoreNotFound() {
        return ignoreNotFound;
    }

    public void setIgnoreNotFound(Boolean ignoreNotFound) {
        this.ignoreNotFound = ignoreNotFound;
    }

    public Integer getIngestChunkSize() {
        return ingestChunkSize;
    }

    public void setIngestChunkSize(Integer ingestChunkSize) {
        this.ingestChunkSize = ingestChunkSize;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public MapiqOperation getOperation() {
        return operation;
    }

    public void setOperation(MapiqOperation operation) {
        this.operation = operation;
    }

    public Duration getCheckinThrottleWindow() {
        return checkinThrottleWindow;
    }

    public void setCheckinThrottleWindow(Duration checkinThrottleWindow) {
        this.checkinThrottleWindow = checkinThrottleWindow;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public MapiqClientFactory getClientFactory() {
        return clientFactory;
    }

    public void setClientFactory(MapiqClientFactory clientFactory) {
        this.clientFactory = clientFactory;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(Duration maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
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

    public Boolean getFailFast() {
        return failFast;
    }

    public void setFailFast(Boolean failFast) {
        this.failFast = failFast;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public Duration getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(Duration tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    public Boolean getDeletedRecordBodies() {
        return deletedRecordBodies;
    }

    public void setDeletedRecordBodies(Boolean deletedRecordBodies) {
        this.deletedRecordBodies = deletedRecordBodies;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Integer getMaxNestingDepth() {
        return maxNestingDepth;
    }

    public void setMaxNestingDepth(Integer maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
    }

    public Integer getMaxPagesPerListing() {
        return maxPagesPerListing;
    }

    public void setMaxPagesPerListing(Integer maxPagesPerListing) {
        this.maxPagesPerListing = maxPagesPerListing;
    }

    public Integer getMaxRecordSize() {
        return maxRecordSize;
    }

    public void setMaxRecordSize(Integer maxRecordSize) {
        this.maxRecordSize = maxRecordSize;
    }

    public Integer getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(Integer maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
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
