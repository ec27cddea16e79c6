package com.deepenrich.camel;

import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/** Options of the DeepEnrich component and its endpoints. */
@UriParams
public class DeepEnrichConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://app.deepenrich.com/api/v1";

    @UriPath(enums = "bulk,getResult,getCredits,verifyKey,results")
    @Metadata(required = true, description = "The operation: bulk (submit contacts), getResult (read one enrichment), "
                                             + "getCredits, verifyKey (producers), results (consumer of finished "
                                             + "enrichments, by polling or webhook).")
    private DeepEnrichOperation operation;

    @UriParam(label = "security", secret = true)
    @Metadata(description = "The DeepEnrich API key, sent as Authorization: Bearer.")
    private String apiKey;

    @UriParam(defaultValue = DEFAULT_BASE_URL)
    @Metadata(description = "Base URL of the DeepEnrich API (point it at a simulator or a proxy).")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(defaultValue = "false")
    @Metadata(description = "Checks the API key when the endpoint starts: one GET /account/keys/verify, not retried. "
                            + "A key DeepEnrich refuses stops the start with a DeepEnrichAuthenticationException "
                            + "naming the option; an API that does not answer, or answers another error, is logged "
                            + "at WARN and the start goes on (requests are retried as usual). Each endpoint started "
                            + "with it costs one request of requestsPerMinute.")
    private boolean verifyKeyOnStartup;

    @UriParam(label = "producer")
    @Metadata(description = "Name of the enrichment request (header CamelDeepEnrichName overrides). "
                            + "A readable default naming the route and the time is generated. Each request is sent "
                            + "with a short random suffix that makes its name unique (Sales Q4 #k3f9x2ab), so that its "
                            + "result, which carries it, matches the request even when the answer was lost.")
    private String name;

    @UriParam(label = "producer")
    @Metadata(description = "URL DeepEnrich POSTs the result to when an enrichment ends (sent as webhook_url; header "
                            + "CamelDeepEnrichCallbackUrl overrides, only with this URL's origin or one of "
                            + "callbackUrlAllowList). The callback token is appended as query parameter token.")
    private String callbackUrl;

    @UriParam(label = "security", secret = true)
    @Metadata(description = "Shared secret that the producer appends to the callback URL as query parameter token and "
                            + "the webhook consumer requires (compared in constant time; missing or wrong: 401). "
                            + "Default: derived from the API key (HMAC-SHA256), so every node with the same key agrees.")
    private String callbackToken;

    @UriParam(label = "security", defaultValue = "true")
    @Metadata(description = "Whether webhook deliveries must carry the callback token (and the producer appends it). "
                            + "Set false only when something in front of the webhook authenticates them.")
    private boolean callbackAuthentication = true;

    @UriParam(label = "security")
    @Metadata(description = "Comma-separated origins (scheme://host, with :port when the port is not the scheme's "
                            + "default) that header CamelDeepEnrichCallbackUrl may name besides the origin of "
                            + "callbackUrl; a header URL of any other origin fails the "
                            + "exchange before anything is sent.")
    private String callbackUrlAllowList;

    @UriParam(label = "producer", defaultValue = "contact.emails")
    @Metadata(description = "Comma-separated fields to find for contacts that do not name their own: contact.emails, "
                            + "contact.phones.")
    private String enrichFields = "contact.emails";

    @UriParam(label = "producer", defaultValue = "fail")
    @Metadata(description = "What bulk does with contacts the API would refuse: fail (the exchange fails naming each "
                            + "bad contact and nothing is sent) or skip (valid contacts are sent, refused ones listed "
                            + "in header CamelDeepEnrichRejected).")
    private InvalidContactsPolicy invalidContacts = InvalidContactsPolicy.fail;

    @UriParam(label = "producer", defaultValue = "false")
    @Metadata(description = "bulk completes only when every request reached a final status; the body is then the "
                            + "merged EnrichmentResult in input order. No Camel thread waits meanwhile.")
    private boolean awaitResult;

    @UriParam(label = "producer", defaultValue = "3600000", javaType = "java.time.Duration")
    @Metadata(description = "How long awaitResult waits before failing with a DeepEnrichTimeoutException naming the "
                            + "ids still running (they stay in the ledger).")
    private long awaitTimeout = 3_600_000;

    @UriParam(label = "producer", defaultValue = "5000", javaType = "java.time.Duration")
    @Metadata(description = "How often awaitResult reads a running enrichment (each read counts against "
                            + "requestsPerMinute).")
    private long awaitPollInterval = 5_000;

    @UriParam(label = "producer", defaultValue = "3600000", javaType = "java.time.Duration")
    @Metadata(description = "bulk remembers in the ledger a fingerprint of each accepted request (its contacts and "
                            + "enrich fields, not its name or callback URL) with its enrichment id; the same request "
                            + "seen again within this window (a Camel redelivery, an aggregation group recovered "
                            + "after a crash, a restarted job, a replay) is answered with the earlier id instead of a "
                            + "second, paid job. Costs one ledger read per request. 0 switches it off.")
    private long fingerprintWindow = 3_600_000;

    @UriParam(label = "producer", defaultValue = "true")
    @Metadata(description = "bulk sends a person once at a time: a contact whose person (see identityField) is being "
                            + "enriched already, in the same exchange or in a request in flight on any node sharing "
                            + "the ledger, is not sent and paid again; it is answered with her result, with its own "
                            + "custom fields, through the same results route (or awaitResult body), flagged "
                            + "deduplicated. Across exchanges only where a results route of the same ledger is defined "
                            + "in this Camel context or the ledger is shared (JDBC): elsewhere nothing could answer a "
                            + "repeated person and every contact is sent. false sends every contact.")
    private boolean deduplicatePeople = true;

    @UriParam(label = "producer")
    @Metadata(description = "The custom field holding each contact's identity (a CRM person id) for "
                            + "deduplicatePeople. Contacts without it, and every contact when unset, are identified by "
                            + "their LinkedIn URL (case, scheme, www., query and trailing slash ignored), else by first "
                            + "name, last name and domain (or company name).")
    private String identityField;

    @UriParam(label = "producer", defaultValue = "86400000", javaType = "java.time.Duration")
    @Metadata(description = "How long deduplicatePeople holds a person for the request enriching her when its result "
                            + "does not come: after it, the same person sent again is sent, and the contacts waiting "
                            + "for her are answered by that new request; a contact that waited this long for a person "
                            + "no request holds any more is reported (log, contactsUnanswered) and not answered.")
    private long personHoldTimeout = 86_400_000;

    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration")
    @Metadata(description = "bulk answers a contact whose person was enriched within this window from her stored "
                            + "result, without a request, when it asks the same or fewer enrich fields: the contact is "
                            + "emitted at once through the results route (or the awaitResult body), flagged reused with "
                            + "the date her result was found (EnrichedContact.isReused, getReusedFoundAt). The results "
                            + "of the people it sends are kept in the ledger's people store for this long after they "
                            + "are found (results that found nothing because of credits or a cancel are never kept). "
                            + "Needs deduplicatePeople, and without awaitResult a results consumer of the same ledger "
                            + "running in this Camel context (else every contact is sent). 0 (default): nothing is "
                            + "kept or reused, as results age and hold personal data.")
    private long reuseResultsWithin;

    @UriParam(label = "producer", defaultValue = "0")
    @Metadata(description = "The most credits this account's submissions may commit, in DeepEnrich's units (1 per "
                            + "email found, 10 per phone found), in each creditsBudgetPeriod: before each request the "
                            + "worst case of its contacts' enrich fields is reserved, and the difference released "
                            + "when its result tells the real spend. A request that would pass the budget is not "
                            + "sent: the exchange fails with a DeepEnrichCreditsBudgetException carrying the contacts "
                            + "not submitted, in order. The counts live in the ledger: the in-memory one counts from "
                            + "the component's start, a file ledger across restarts, a JDBC ledger for every node "
                            + "sharing its database. Endpoints of one account share them (set the budget on the "
                            + "component for a cap per account). 0: no cap.")
    private long creditsBudget;

    @UriParam(label = "producer", defaultValue = "none")
    @Metadata(description = "When the count of creditsBudget starts again: none (one count for ever), day (at 00:00 "
                            + "UTC) or month (at 00:00 UTC on the first day of the month). A request counts in the "
                            + "period it was reserved in, even when its result comes in the next one.")
    private CreditsBudgetPeriod creditsBudgetPeriod = CreditsBudgetPeriod.none;

    @UriParam(label = "producer", defaultValue = "false")
    @Metadata(description = "getResult asks for partial results of a running enrichment (forceResults=true).")
    private boolean forceResults;

    @UriParam(label = "consumer")
    @Metadata(description = "Webhook deliveries already processed, keyed by enrichment id and status; DeepEnrich "
                            + "retries a delivery up to five times. Default: in memory. Use a shared one (JDBC, Redis, "
                            + "Infinispan) when several instances receive webhooks.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer", defaultValue = "5242880")
    @Metadata(description = "Largest webhook body accepted, in bytes; a larger one is answered 413.")
    private int maxBodySize = 5 * 1024 * 1024;

    @UriParam(label = "consumer", defaultValue = "600000", javaType = "java.time.Duration")
    @Metadata(description = "Webhook mode: an enrichment pending longer than this without a webhook is polled, so "
                            + "a lost webhook never loses a result. 0 disables the fallback.")
    private long pollFallbackAfter = 600_000;

    @UriParam(label = "consumer", defaultValue = "86400000", javaType = "java.time.Duration")
    @Metadata(description = "An enrichment still not final this long after its submission is reported once to the "
                            + "consumer's exception handler (it stays pending and is polled on).")
    private long staleAfter = 86_400_000;

    @UriParam(label = "consumer", defaultValue = "emit")
    @Metadata(description = "Webhook mode: what to do with a result whose id the ledger does not hold (submitted by "
                            + "another application or instance with its own ledger, or already emitted and forgotten): "
                            + "emit (with header CamelDeepEnrichForeign=true) or drop (logged, answered 200 so "
                            + "DeepEnrich stops delivering it).")
    private ForeignResultsPolicy foreignResults = ForeignResultsPolicy.emit;

    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration")
    @Metadata(description = "Poll mode: an enrichment is first read this long after its submission, when its result "
                            + "can be expected (DeepEnrich takes minutes per job); a read that finds it still running "
                            + "is followed by the next one after this interval (at least the poll delay), doubling "
                            + "each time up to maxReadInterval. 0 reads it at the next poll. The webhook's poll "
                            + "fallback reads a late enrichment first at pollFallbackAfter.")
    private long firstReadAfter = 60_000;

    @UriParam(label = "consumer", defaultValue = "600000", javaType = "java.time.Duration")
    @Metadata(description = "Poll mode: the longest interval between two reads of an enrichment still running.")
    private long maxReadInterval = 600_000;

    @UriParam(label = "consumer", defaultValue = "0")
    @Metadata(description = "Poll mode: most reads one poll queues for the rate limiter (the oldest due enrichments "
                            + "first; reads still waiting from earlier polls count against it). 0: as many turns as "
                            + "requestsPerMinute gives in one poll delay (unbounded when requestsPerMinute is 0).")
    private int maxReadsPerPoll;

    @UriParam(label = "consumer", defaultValue = "600000", javaType = "java.time.Duration")
    @Metadata(description = "Poll mode: how long the claim on an enrichment, taken when its read leaves (not when it "
                            + "is queued), keeps other instances sharing the ledger from reading it; it covers the "
                            + "read with its retries and the route's processing of the result. A crashed instance's "
                            + "claims are taken over when they expire. It must exceed one read's worst case: "
                            + "requestTimeout times (maxRetries plus one), plus maxRetryDelay times maxRetries.")
    private long claimLease = 600_000;

    @UriParam(label = "advanced")
    @Metadata(description = "Where submitted enrichment ids are kept until their result is emitted. Default: one "
                            + "in-memory ledger per component; use a FileDeepEnrichLedger to survive a restart, a "
                            + "JdbcDeepEnrichLedger to share it between instances.")
    private DeepEnrichLedger ledger;

    @UriParam(label = "advanced", defaultValue = "5")
    @Metadata(description = "How many times a request answered 429 or 5xx, or failing to connect, is sent again.")
    private int maxRetries = 5;

    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    @Metadata(description = "First backoff before a retry; it doubles each retry, with jitter.")
    private long retryDelay = 1_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    @Metadata(description = "Longest wait before a retry, also the cap on a server's Retry-After.")
    private long maxRetryDelay = 60_000;

    @UriParam(label = "advanced", defaultValue = "false")
    @Metadata(description = "A bulk request that was sent but got no answer (a reset or a timeout after it left) "
                            + "may have been accepted by DeepEnrich: by default it is not sent again but reported "
                            + "with a DeepEnrichInDoubtException carrying its contacts (wait for their result before "
                            + "sending them again). true sends it again at once, which may create a second, paid "
                            + "job. A connection that was never made (refused, connect timeout) is always retried.")
    private boolean retryInDoubtSubmissions;

    @UriParam(label = "advanced", defaultValue = "1800000", javaType = "java.time.Duration")
    @Metadata(description = "A bulk request written to the API without an answer (a reset, a timeout, a crash) stays "
                            + "in the ledger's wire records until a result matches it (by its name, else by its "
                            + "contacts), which makes it that result's enrichment. Still unmatched this long after its "
                            + "writing, it is reported: a warning naming it, the health check's details, the dev "
                            + "console and the metric deepenrich.requests.in.doubt.overdue. It is never sent again by "
                            + "itself: the wire records keep no contacts, and DeepEnrich may have accepted it.")
    private long inDoubtTimeout = 1_800_000;

    @UriParam(label = "advanced", defaultValue = "60")
    @Metadata(description = "Client-side limit on requests per minute, shared by every endpoint of the component "
                            + "with the same API key and base URL (DeepEnrich documents 60 per account). 0 disables.")
    private int requestsPerMinute = 60;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    @Metadata(description = "The span over which the API counts requestsPerMinute (DeepEnrich: one minute). At most "
                            + "requestsPerMinute x rateLimitWindow / 1 min requests leave in any such span, counted "
                            + "from their answers: a request leaves no sooner than one window after the answer to "
                            + "the request that many places before it, so a delay on the way to the API cannot "
                            + "crowd a window. Shorter only for a test API with a shortened window.")
    private long rateLimitWindow = 60_000;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    @Metadata(description = "Timeout to open a connection to the API.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    @Metadata(description = "Timeout of one API request, from sending to the whole answer.")
    private long requestTimeout = 30_000;

    @UriParam(label = "security")
    @Metadata(description = "TLS settings for the connection to the API (trust store, key store, protocols), Camel's "
                            + "SSLContextParameters. Default: the JVM's.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy")
    @Metadata(description = "HTTP proxy host to reach the API through.")
    private String proxyHost;

    @UriParam(label = "proxy")
    @Metadata(description = "HTTP proxy port (with proxyHost).")
    private Integer proxyPort;

    @UriParam(label = "proxy,security", secret = true)
    @Metadata(description = "User name for a proxy that requires authentication.")
    private String proxyUsername;

    @UriParam(label = "proxy,security", secret = true)
    @Metadata(description = "Password for a proxy that requires authentication.")
    private String proxyPassword;

    @UriParam(label = "advanced")
    @Metadata(description = "Your own JDK HttpClient for the API calls; connectTimeout, sslContextParameters and the "
                            + "proxy options are then yours to set on it and are not used.")
    private HttpClient httpClient;

    public DeepEnrichConfiguration copy() {
        try {
            return (DeepEnrichConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** {@link #getEnrichFields()} split on commas, trimmed. */
    public List<String> enrichFieldList() {
        return Arrays.stream(enrichFields.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public DeepEnrichOperation getOperation() {
        return operation;
    }

    public void setOperation(DeepEnrichOperation operation) {
        this.operation = operation;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public String getCallbackToken() {
        return callbackToken;
    }

    public void setCallbackToken(String callbackToken) {
        this.callbackToken = callbackToken;
    }

    public boolean isCallbackAuthentication() {
        return callbackAuthentication;
    }

    public void setCallbackAuthentication(boolean callbackAuthentication) {
        this.callbackAuthentication = callbackAuthentication;
    }

    public String getCallbackUrlAllowList() {
        return callbackUrlAllowList;
    }

    public void setCallbackUrlAllowList(String callbackUrlAllowList) {
        this.callbackUrlAllowList = callbackUrlAllowList;
    }

    public String getEnrichFields() {
        return enrichFields;
    }

    public void setEnrichFields(String enrichFields) {
        this.enrichFields = enrichFields;
    }

    public InvalidContactsPolicy getInvalidContacts() {
        return invalidContacts;
    }

    public void setInvalidContacts(InvalidContactsPolicy invalidContacts) {
        this.invalidContacts = invalidContacts;
    }

    public boolean isAwaitResult() {
        return awaitResult;
    }

    public void setAwaitResult(boolean awaitResult) {
        this.awaitResult = awaitResult;
    }

    public long getAwaitTimeout() {
        return awaitTimeout;
    }

    public void setAwaitTimeout(long awaitTimeout) {
        this.awaitTimeout = awaitTimeout;
    }

    public long getInDoubtTimeout() {
        return inDoubtTimeout;
    }

    public void setInDoubtTimeout(long inDoubtTimeout) {
        this.inDoubtTimeout = inDoubtTimeout;
    }

    public boolean isVerifyKeyOnStartup() {
        return verifyKeyOnStartup;
    }

    public void setVerifyKeyOnStartup(boolean verifyKeyOnStartup) {
        this.verifyKeyOnStartup = verifyKeyOnStartup;
    }

    public boolean isRetryInDoubtSubmissions() {
        return retryInDoubtSubmissions;
    }

    public void setRetryInDoubtSubmissions(boolean retryInDoubtSubmissions) {
        this.retryInDoubtSubmissions = retryInDoubtSubmissions;
    }

    public long getCreditsBudget() {
        return creditsBudget;
    }

    public void setCreditsBudget(long creditsBudget) {
        this.creditsBudget = creditsBudget;
    }

    public boolean isDeduplicatePeople() {
        return deduplicatePeople;
    }

    public void setDeduplicatePeople(boolean deduplicatePeople) {
        this.deduplicatePeople = deduplicatePeople;
    }

    public String getIdentityField() {
        return identityField;
    }

    public void setIdentityField(String identityField) {
        this.identityField = identityField;
    }

    public long getPersonHoldTimeout() {
        return personHoldTimeout;
    }

    public void setPersonHoldTimeout(long personHoldTimeout) {
        this.personHoldTimeout = personHoldTimeout;

    }

    public long getReuseResultsWithin() {
        return reuseResultsWithin;
    }

    public void setReuseResultsWithin(long reuseResultsWithin) {
        this.reuseResultsWithin = reuseResultsWithin;
    }

    public CreditsBudgetPeriod getCreditsBudgetPeriod() {
        return creditsBudgetPeriod;
    }

    public void setCreditsBudgetPeriod(CreditsBudgetPeriod creditsBudgetPeriod) {
        this.creditsBudgetPeriod = creditsBudgetPeriod;
    }

    public long getFingerprintWindow() {
        return fingerprintWindow;
    }

    public void setFingerprintWindow(long fingerprintWindow) {
        this.fingerprintWindow = fingerprintWindow;
    }

    public long getAwaitPollInterval() {
        return awaitPollInterval;
    }

    public void setAwaitPollInterval(long awaitPollInterval) {
        this.awaitPollInterval = awaitPollInterval;
    }

    public boolean isForceResults() {
        return forceResults;
    }

    public void setForceResults(boolean forceResults) {
        this.forceResults = forceResults;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public long getPollFallbackAfter() {
        return pollFallbackAfter;
    }

    public void setPollFallbackAfter(long pollFallbackAfter) {
        this.pollFallbackAfter = pollFallbackAfter;
    }

    public long getStaleAfter() {
        return staleAfter;
    }

    public void setStaleAfter(long staleAfter) {
        this.staleAfter = staleAfter;
    }

    public ForeignResultsPolicy getForeignResults() {
        return foreignResults;
    }

    public void setForeignResults(ForeignResultsPolicy foreignResults) {
        this.foreignResults = foreignResults;
    }

    public long getFirstReadAfter() {
        return firstReadAfter;
    }

    public void setFirstReadAfter(long firstReadAfter) {
        this.firstReadAfter = firstReadAfter;
    }

    public long getMaxReadInterval() {
        return maxReadInterval;
    }

    public void setMaxReadInterval(long maxReadInterval) {
        this.maxReadInterval = maxReadInterval;
    }

    public int getMaxReadsPerPoll() {
        return maxReadsPerPoll;
    }

    public void setMaxReadsPerPoll(int maxReadsPerPoll) {
        this.maxReadsPerPoll = maxReadsPerPoll;
    }

    public long getClaimLease() {
        return claimLease;
    }

    public void setClaimLease(long claimLease) {
        this.claimLease = claimLease;
    }

    public DeepEnrichLedger getLedger() {
        return ledger;
    }

    public void setLedger(DeepEnrichLedger ledger) {
        this.ledger = ledger;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public long getRateLimitWindow() {
        return rateLimitWindow;
    }

    public void setRateLimitWindow(long rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
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

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }
}
