package io.github.camelmapiq.mapiq.client.http;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import io.github.camelmapiq.mapiq.client.error.Texts;

/**
 * The pages of a listing, one at a time, in order: every page of each call (a date window is listed as calls of at
 * most 31 days), following {@code continuationToken}. At most one page is fetched ahead, while the caller works on the
 * current one, so a listing of any length holds about two pages. A page that ends with its continuation token, as
 * Mapiq's do, is read into records on the caller's thread after the next page was asked for: reading a page and
 * Mapiq's making of the next one overlap.
 * <p>
 * Pages are checked as they come: a continuation token seen before in the same call (a cycle of any length) or more
 * than {@code maxPages} pages in one call end the listing with a {@link MapiqResponseException}. A failed page ends
 * the listing: {@link #nextPage} throws, and {@link #isComplete} stays false.
 */
public final class Listing implements AutoCloseable {

    private final MapiqHttpClient client;
    private final String path;
    private final Queue<Map<String, String>> calls;
    private final int pageSize;
    private final String[] keyFields;
    private final Executor prefetch;
    private final int maxPages;
    /** Ends this listing's reads when its consumer stops ({@link #abort()}), or the component does. */
    private final CallAbort stop;

    private Map<String, String> call;
    private final Set<String> tokensSeen = new HashSet<>();
    private int pagesOfCall;
    private CompletableFuture<FetchedPage> ahead;
    private boolean complete;
    private boolean closed;
    private long records;
    private volatile ObjectReader binder;

    Listing(MapiqHttpClient client, String path, List<Map<String, String>> calls, int pageSize, String[] keyFields,
            Executor prefetch, int maxPages, CallAbort stop) {
        this.client = client;
        this.path = path;
        this.calls = new ArrayDeque<>(calls);
        this.pageSize = pageSize;
        this.keyFields = keyFields;
        this.prefetch = prefetch;
        this.maxPages = maxPages;
        this.stop = stop;
        this.call = this.calls.poll();
    }

    /**
     * Binds each record with {@code reader} as its page is read, in the tokenizer's one pass over the page, so that
     * {@link ListedRecord#read} with the same reader costs nothing more; for listings whose every record is taken in
     * that form. Set before the first page is asked for.
     */
    public Listing bindWith(ObjectReader reader) {
        this.binder = reader;
        return this;
    }

    /**
     * The records of the next page (possibly none), or {@code null} when the listing has ended.
     *
     * @throws Exception the failure of the page, which ends the listing
     */
    public List<ListedRecord> nextPage() throws Exception {
        if (complete || closed) {
            return null;
        }
        FetchedPage fetched;
        if (ahead != null) {
            CompletableFuture<FetchedPage> pending = ahead;
            ahead = null;
            fetched = await(pending);
        } else {
            if (call == null) {
                complete = true;
                return null;
            }
            fetched = fetch(null);
        }
        String next = fetched.continuationToken();
        if (next == null) {
            call = calls.poll();
            tokensSeen.clear();
            pagesOfCall = 0;
            if (call == null) {
                return records(fetched, true);
            }
        } else if (!tokensSeen.add(next)) {
            closed = true;
            throw new MapiqResponseException("Mapiq API GET " + path + " answered continuationToken '"
                                             + Texts.abbreviate(next, 40) + "' a second time (after " + pagesOfCall
                                             + " pages): the pages run in a cycle, so the listing was stopped", null);
        }
        String token = next;
        if (prefetch != null) {
            ahead = CompletableFuture.supplyAsync(() -> {
                try {
                    return fetch(token);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, prefetch);
        } else {
            pendingToken = token;
            hasPending = true;
        }
        return records(fetched, false);
    }

    /**
     * The records of a fetched page, read now if its call did not read them: the page ahead is already being fetched
     * meanwhile.
     */
    private List<ListedRecord> records(FetchedPage fetched, boolean last) throws Exception {
        PageReader.Page page;
        try {
            page = fetched.page();
        } catch (Exception e) {
            closed = true;
            throw e;
        }
        records += page.records().size();
        client.countPage(page.records().size());
        complete = last;
        return page.records();
    }

    private String pendingToken;
    private boolean hasPending;

    private FetchedPage fetch(String token) throws Exception {
        if (token == null && hasPending) {
            token = pendingToken;
            hasPending = false;
        }
        if (++pagesOfCall > maxPages) {
            throw new MapiqResponseException("Mapiq API GET " + path + " still answered a continuationToken after "
                                             + maxPages + " pages (maxPagesPerListing): the listing was stopped", null);
        }
        Map<String, String> query = new LinkedHashMap<>(call);
        if (pageSize > 0) {
            query.put("pageSize", Integer.toString(pageSize));
        }
        if (token != null) {
            query.put("continuationToken", token);
        }
        return client.page(path, query, keyFields, binder, stop);
    }

    private static FetchedPage await(CompletableFuture<FetchedPage> pending) throws Exception {
        try {
            return pending.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Whether every page of every call was read. */
    public boolean isComplete() {
        return complete;
    }

    /** Records read so far. */
    public long records() {
        return records;
    }

    /**
     * Ends the listing's reads at once, from any thread: the page being read and the page fetched ahead are cut off
     * (their connections closed), and {@link #nextPage} fails with a {@code MapiqCallAbortedException}. For a consumer
     * that stops mid-poll (its route stopped, its leadership lost), so that it does not read on for up to
     * {@code callTimeout}.
     */
    public void abort() {
        stop.abortAll();
    }

    /** Stops the listing; a page fetched ahead is waited for (its call cannot be taken back) and dropped. */
    @Override
    public void close() {
        closed = true;
        CompletableFuture<FetchedPage> pending = ahead;
        ahead = null;
        if (pending != null) {
            try {
                pending.join();
            } catch (RuntimeException ignored) {
                // the listing was given up; the page ahead does not matter
            }
        }
        stop.release();
    }
}
