package io.github.camelmapiq.benchmark;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes {@code total} calls from {@code threads} threads, all starting together, counting successes and keeping the
 * first error. Used for the producer's posts and the token scenario's small calls.
 */
final class ConcurrentCalls {

    /** One call; {@code index} runs from 0 to total-1. */
    interface Call {
        void make(int index) throws Exception;
    }

    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstError = new AtomicReference<>();

    /** Answers once every call was made; the counters tell how they went. */
    ConcurrentCalls run(int total, int threads, Call call) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = next.getAndIncrement(); i < total && !Thread.currentThread().isInterrupted();
                     i = next.getAndIncrement()) {
                    try {
                        call.make(i);
                        succeeded.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                }
            }, "benchmark-caller-" + t);
            workers[t].setDaemon(true);
            workers[t].start();
        }
        start.countDown();
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            for (Thread worker : workers) {
                worker.interrupt();
            }
            throw e;
        }
        return this;
    }

    long succeeded() {
        return succeeded.get();
    }

    long failed() {
        return failed.get();
    }

    /** "" when every call succeeded, else the count and the first error. */
    String errors() {
        Exception e = firstError.get();
        return e == null ? "" : "; " + failed.get() + " failed, first: " + e.getClass().getSimpleName() + ": "
                                + e.getMessage();
    }
}
