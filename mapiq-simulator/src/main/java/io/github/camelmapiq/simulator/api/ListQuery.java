package io.github.camelmapiq.simulator.api;

import io.github.camelmapiq.simulator.data.Resource;
import io.github.camelmapiq.simulator.data.Tables;
import io.github.camelmapiq.simulator.data.Vocabulary;
import io.github.camelmapiq.simulator.http.ApiException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.camelmapiq.simulator.http.Requests.param;

/**
 * The validated query of a list call: a 400 names every bad field at once (page size, status, dates, range,
 * continuation token). {@code all} answers every matching record at once (v1 and bare-array mode), without paging.
 */
record ListQuery(Resource resource, boolean all, int pageSize, String userId, String buildingId, String lotId,
        String status, long fromDay, long toDay, String fingerprint, Tables.Cursor after) {

    static final int MAX_RANGE_DAYS = 31;
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    static ListQuery parse(Resource r, Map<String, String> q, boolean all) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        int pageSize = DEFAULT_PAGE_SIZE;
        String ps = param(q, "pageSize");
        if (!all && ps != null) {
            try {
                pageSize = Integer.parseInt(ps);
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                errors.put("pageSize", List.of("The value '" + ps + "' is not valid; pageSize must be an integer from 1 to "
                        + MAX_PAGE_SIZE + "."));
            }
        }
        String userId = param(q, "userId");
        String buildingId = param(q, "buildingId");
        String lotId = r == Resource.PARKING_RESERVATIONS ? param(q, "parkingLotId") : null;
        String status = null;
        if (r == Resource.WORKDAYS && param(q, "status") != null) {
            status = Vocabulary.canonical(Vocabulary.WORKDAY_STATUSES, param(q, "status"));
            if (status == null) {
                errors.put("status", List.of("The value '" + param(q, "status")
                        + "' is not valid; use Office, Remote or NotWorking."));
            }
        }
        long fromDay = 0;
        long toDay = 0;
        if (r.dated) {
            LocalDate start = date(q, "startDate", errors);
            LocalDate end = date(q, "endDate", errors);
            if (start == null && !errors.containsKey("startDate")) {
                errors.put("startDate", List.of("The startDate field is required."));
            }
            if (start != null && end == null && !errors.containsKey("endDate")) {
                end = start;
            }
            if (start != null && end != null) {
                long days = end.toEpochDay() - start.toEpochDay() + 1;
                if (end.isBefore(start)) {
                    errors.put("endDate", List.of("endDate " + end + " is before startDate " + start + "."));
                } else if (days > MAX_RANGE_DAYS) {
                    errors.put("endDate", List.of("The range " + start + ".." + end + " spans " + days
                            + " days; at most " + MAX_RANGE_DAYS + " are allowed."));
                }
                fromDay = start.toEpochDay();
                toDay = end.toEpochDay();
            }
        }
        String fp = ContinuationTokens.fingerprint(r.name + "|" + fromDay + "|" + toDay + "|" + userId + "|"
                + buildingId + "|" + lotId + "|" + status);
        Tables.Cursor after = null;
        String token = param(q, "continuationToken");
        if (!all && token != null) {
            after = ContinuationTokens.decode(token, fp);
            if (after == null) {
                errors.put("continuationToken",
                        List.of("The continuation token is invalid or belongs to another query."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new ListQuery(r, all, pageSize, userId, buildingId, lotId, status, fromDay, toDay, fp, after);
    }

    private static LocalDate date(Map<String, String> q, String name, Map<String, List<String>> errors) {
        String v = param(q, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.computeIfAbsent(name, k -> new ArrayList<>())
                    .add("The value '" + v + "' is not a valid date; use yyyy-MM-dd.");
            return null;
        }
    }
}
