package io.github.camelmapiq.simulator.data;

import io.github.camelmapiq.simulator.data.Model.Dated;
import io.github.camelmapiq.simulator.data.Model.Rec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/** The two kinds of storage: records ordered by id, and records indexed by local date. */
public final class Tables {

    private Tables() {
    }

    /** Where a page starts: after the record with this (day, time, id); day and time are 0 for id order. */
    public record Cursor(long day, long time, String id) {
    }

    /** Records ordered by id (users, buildings, parking lots); paging is keyset paging on the id. */
    public static final class ById<R extends Rec> {
        private final TreeMap<String, R> rows = new TreeMap<>();
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

        public R get(String id) {
            lock.readLock().lock();
            try {
                return rows.get(id);
            } finally {
                lock.readLock().unlock();
            }
        }

        public List<R> all() {
            lock.readLock().lock();
            try {
                return new ArrayList<>(rows.values());
            } finally {
                lock.readLock().unlock();
            }
        }

        /** Up to {@code limit} records after the cursor that pass the filter. */
        public List<R> page(Cursor after, Predicate<R> filter, int limit) {
            List<R> out = new ArrayList<>(Math.min(limit, 1024));
            lock.readLock().lock();
            try {
                Collection<R> from = after == null ? rows.values() : rows.tailMap(after.id(), false).values();
                for (R r : from) {
                    if (filter.test(r)) {
                        out.add(r);
                        if (out.size() >= limit) {
                            break;
                        }
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
            return out;
        }

        public R put(R r) {
            lock.writeLock().lock();
            try {
                return rows.put(r.id(), r);
            } finally {
                lock.writeLock().unlock();
            }
        }

        public R remove(String id) {
            lock.writeLock().lock();
            try {
                return rows.remove(id);
            } finally {
                lock.writeLock().unlock();
            }
        }

        public int size() {
            lock.readLock().lock();
            try {
                return rows.size();
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /**
     * Records bucketed by local date, each bucket sorted by (time, id). A date-bounded query only
     * visits the buckets of its range; paging is keyset paging on (day, time, id), so a page never
     * loses or repeats a record while the data is unchanged (and stays sane when it changes).
     */
    public static final class ByDate<R extends Dated> {
        private HashMap<String, R> byId = new HashMap<>();
        private final TreeMap<Long, ArrayList<R>> byDay = new TreeMap<>();
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

        private static int compare(Dated r, long time, String id) {
            int c = Long.compare(r.sortTime(), time);
            return c != 0 ? c : r.id().compareTo(id);
        }

        /** Bulk load for generated data: append everything, then sort each bucket once. */
        public void load(List<R> records) {
            lock.writeLock().lock();
            try {
                if (byId.isEmpty()) {
                    byId = new HashMap<>(Math.max(16, (int) (records.size() / 0.75f) + 1));
                }
                for (R r : records) {
                    byId.put(r.id(), r);
                    byDay.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(r);
                }
                for (ArrayList<R> bucket : byDay.values()) {
                    bucket.sort((a, b) -> compare(a, b.sortTime(), b.id()));
                }
            } finally {
                lock.writeLock().unlock();
            }
        }

        public R get(String id) {
            lock.readLock().lock();
            try {
                return byId.get(id);
            } finally {
                lock.readLock().unlock();
            }
        }

        public List<R> all() {
            lock.readLock().lock();
            try {
                List<R> out = new ArrayList<>(byId.size());
                for (ArrayList<R> bucket : byDay.values()) {
                    out.addAll(bucket);
                }
                return out;
            } finally {
                lock.readLock().unlock();
            }
        }

        /** Up to {@code limit} records dated fromDay..toDay (inclusive) after the cursor that pass the filter. */
        public List<R> page(long fromDay, long toDay, Cursor after, Predicate<? super R> filter, int limit) {
            List<R> out = new ArrayList<>(Math.min(limit, 1024));
            if (toDay < fromDay) {
                return out;
            }
            lock.readLock().lock();
            try {
                long start = fromDay;
                if (after != null) {
                    start = Math.max(fromDay, after.day());
                }
                NavigableMap<Long, ArrayList<R>> range = byDay.subMap(start, true, toDay, true);
                for (Map.Entry<Long, ArrayList<R>> e : range.entrySet()) {
                    ArrayList<R> bucket = e.getValue();
                    int i = 0;
                    if (after != null && e.getKey() == after.day()) {
                        i = firstAfter(bucket, after.time(), after.id());
                    }
                    for (int n = bucket.size(); i < n; i++) {
                        R r = bucket.get(i);
                        if (filter.test(r)) {
                            out.add(r);
                            if (out.size() >= limit) {
                                return out;
                            }
                        }
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
            return out;
        }

        private static <R extends Dated> int firstAfter(List<R> bucket, long time, String id) {
            int lo = 0;
            int hi = bucket.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compare(bucket.get(mid), time, id) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Stores a record, replacing the one with the same id; answers the replaced record or null. */
        public R put(R r) {
            lock.writeLock().lock();
            try {
                R old = byId.put(r.id(), r);
                if (old != null) {
                    unindex(old);
                }
                ArrayList<R> bucket = byDay.computeIfAbsent(r.day(), d -> new ArrayList<>());
                bucket.add(firstAfter(bucket, r.sortTime(), r.id()), r);
                return old;
            } finally {
                lock.writeLock().unlock();
            }
        }

        public R remove(String id) {
            lock.writeLock().lock();
            try {
                R old = byId.remove(id);
                if (old != null) {
                    unindex(old);
                }
                return old;
            } finally {
                lock.writeLock().unlock();
            }
        }

        private void unindex(R old) {
            ArrayList<R> bucket = byDay.get(old.day());
            if (bucket == null) {
                return;
            }
            int i = firstAfter(bucket, old.sortTime(), old.id()) - 1;
            if (i >= 0 && bucket.get(i).id().equals(old.id())) {
                bucket.remove(i);
            } else {
                bucket.removeIf(x -> x.id().equals(old.id()));
            }
            if (bucket.isEmpty()) {
                byDay.remove(old.day());
            }
        }

        public int size() {
            lock.readLock().lock();
            try {
                return byId.size();
            } finally {
                lock.readLock().unlock();
            }
        }
    }
}
