package io.github.camelmapiq.simulator.api;

import io.github.camelmapiq.simulator.data.DataStore;
import io.github.camelmapiq.simulator.data.Model.Rec;
import io.github.camelmapiq.simulator.data.Resource;
import io.github.camelmapiq.simulator.http.Reply;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A list call: validates the query (400 naming each bad field), applies retention (data before today -
 * retentionDays is silently left out), filters, and answers a page, or a bare array of everything for v1 and in
 * bare-array mode.
 */
final class RecordLister {

    private final DataStore store;
    private final Settings settings;
    private final RecordReplies replies;

    RecordLister(DataStore store, Settings settings, RecordReplies replies) {
        this.store = store;
        this.settings = settings;
        this.replies = replies;
    }

    Reply list(Resource r, Map<String, String> query, boolean v1) {
        ListQuery q = ListQuery.parse(r, query, v1 || settings.bareArrays());
        long minDay = LocalDate.now(settings.clock()).toEpochDay() - settings.retentionDays();
        long from = Math.max(q.fromDay(), minDay);
        int limit = q.all() ? Integer.MAX_VALUE : q.pageSize() + 1;
        List<? extends Rec> rows = store.page(r, from, q.toDay(), q.after(), ListFilters.of(q, store), limit);
        String next = null;
        if (!q.all() && rows.size() > q.pageSize()) {
            rows = rows.subList(0, q.pageSize());
            next = ContinuationTokens.after(q.fingerprint(), rows.get(rows.size() - 1));
        }
        return replies.list(rows, q.all(), next, v1);
    }
}
