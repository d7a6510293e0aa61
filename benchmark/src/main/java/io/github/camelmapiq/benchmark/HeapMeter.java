package io.github.camelmapiq.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Measures what a round of a child JVM keeps alive: the heap in use after full collections before the round (the
 * baseline), and the most heap still in use right after any collection during the round, from the collectors'
 * notifications. The second is an upper bound, because G1's young collections leave dead old objects in place.
 */
final class HeapMeter {

    private static final long MB = 1024 * 1024;

    /** What the heap did during one round, in MB. */
    record HeapUse(long baselineMb, long maxLiveMb) {
    }

    private final long baseline;
    private final AtomicLong maxLive = new AtomicLong();
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;

    private HeapMeter() {
        this.baseline = settledHeapUsed();
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        maxLive.set(baseline);
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        });
    }

    /** Collects garbage, takes the baseline and starts measuring. */
    static HeapMeter start() {
        return new HeapMeter();
    }

    /** Heap in use after full collections: what is really alive now. */
    private static long settledHeapUsed() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Stops measuring and answers what was seen. */
    HeapUse stop() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (Exception ignored) {
                // already removed
            }
        }
        return new HeapUse(baseline / MB, maxLive.get() / MB);
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        long after = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        maxLive.accumulateAndGet(after, Math::max);
    }
}
