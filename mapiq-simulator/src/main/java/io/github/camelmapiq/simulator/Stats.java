package io.github.camelmapiq.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the API saw: call counts by method, path and status, and logs of accepted writes. */
final class Stats {
    final LongAdder tokenRequests = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    final List<Map<String, Object>> checkins = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> readings = Collections.synchronizedList(new ArrayList<>());
    final List<String> deletions = Collections.synchronizedList(new ArrayList<>());

    void record(String method, String path, int status) {
        calls.computeIfAbsent(method + ' ' + path + ' ' + status, k -> new LongAdder()).increment();
    }

    long calls(String method, String path) {
        String prefix = method + ' ' + path + ' ';
        long n = 0;
        for (Map.Entry<String, LongAdder> e : calls.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getKey().indexOf(' ', prefix.length()) < 0) {
                n += e.getValue().sum();
            }
        }
        return n;
    }

    long calls(String method, String path, int status) {
        LongAdder a = calls.get(method + ' ' + path + ' ' + status);
        return a == null ? 0 : a.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    void reset() {
        tokenRequests.reset();
        calls.clear();
        checkins.clear();
        readings.clear();
        deletions.clear();
    }
}
