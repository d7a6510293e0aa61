package io.github.camelmapiq.simulator.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the API saw: calls by method, raw path and status, and requests to the token endpoints. */
public final class CallCounter {

    private final LongAdder tokenRequests = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();

    public void tokenRequest() {
        tokenRequests.increment();
    }

    public long tokenRequests() {
        return tokenRequests.sum();
    }

    public void record(String method, String path, int status) {
        calls.computeIfAbsent(method + ' ' + path + ' ' + status, k -> new LongAdder()).increment();
    }

    public long calls(String method, String path) {
        String prefix = method + ' ' + path + ' ';
        long n = 0;
        for (Map.Entry<String, LongAdder> e : calls.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getKey().indexOf(' ', prefix.length()) < 0) {
                n += e.getValue().sum();
            }
        }
        return n;
    }

    public long calls(String method, String path, int status) {
        LongAdder a = calls.get(method + ' ' + path + ' ' + status);
        return a == null ? 0 : a.sum();
    }

    /** Calls by {@code "METHOD path status"}, sorted. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void reset() {
        tokenRequests.reset();
        calls.clear();
    }
}
