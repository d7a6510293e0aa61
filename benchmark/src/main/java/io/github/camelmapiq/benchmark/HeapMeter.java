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
 * Measures the heap while a scenario runs, as two figures: the peak of heap in use (sampled every 10 ms; it includes
 * garbage, so it mostly shows how much heap the collector was allowed to fill) and the largest heap still in use
 * right after a garbage collection (from the collectors' notifications), which is what the scenario really kept
 * alive. The second one, minus the baseline taken before, is the figure that proves (or disproves) streaming.
 */
final class HeapMeter implements AutoCloseable {

    private static final long MB = 1024 * 1024;

    /** Heap still in use after this many consecutive collections above this fraction of the maximum: exhausted. */
    private static final double EXHAUSTED_FRACTION = 0.85;
    private static final int EXHAUSTED_COLLECTIONS = 2;

    /** What the heap did during one measurement, in MB. */
    record HeapUse(long baselineMb, long peakUsedMb, long maxLiveMb, long maxHeapMb) {

        /** The live heap the scenario added on top of what was there before (the simulator's data). */
        long retainedMb() {
            return Math.max(0, maxLiveMb - baselineMb);
        }
    }

    private final long baseline;
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong maxLive = new AtomicLong();
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private final long exhaustedAbove;
    private int collectionsAboveLimit;
    private volatile boolean exhausted;
    private volatile boolean running = true;

    private HeapMeter() {
        this.baseline = settledHeapUsed();
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        this.exhaustedAbove = (long) (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax()
                                      * EXHAUSTED_FRACTION);
        peakUsed.set(baseline);
        maxLive.set(baseline);
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        });
        sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Collects garbage, takes the baseline and starts measuring. */
    static HeapMeter start() {
        return new HeapMeter();
    }

    /** Heap in use after full collections: what is really alive now. */
    static long settledHeapUsed() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static long toMb(long bytes) {
        return bytes / MB;
    }

    /**
     * Whether the heap is about to run out: collections keep ending with over 85% of the maximum still in use. The
     * work is then stopped before the JVM throws OutOfMemoryError in some unrelated thread (the simulator's, say) and
     * spends minutes collecting in vain before it does.
     */
    boolean exhausted() {
        return exhausted;
    }

    /** Stops measuring and answers what was seen. */
    HeapUse stop() {
        close();
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        return new HeapUse(toMb(baseline), toMb(peakUsed.get()), toMb(maxLive.get()), toMb(max));
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (Exception ignored) {
                // already removed
            }
        }
    }

    private void sample() {
        while (running) {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        long after = 0;
        long before = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        for (var pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                before += pool.getValue().getUsed();
            }
        }
        maxLive.accumulateAndGet(after, Math::max);
        synchronized (this) {
            collectionsAboveLimit = after > exhaustedAbove ? collectionsAboveLimit + 1 : 0;
            exhausted |= collectionsAboveLimit >= EXHAUSTED_COLLECTIONS;
        }
        peakUsed.accumulateAndGet(before, Math::max);
    }
}
