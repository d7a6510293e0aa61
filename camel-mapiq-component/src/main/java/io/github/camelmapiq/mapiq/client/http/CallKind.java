package io.github.camelmapiq.mapiq.client.http;

/** Decides what a failed call may be retried after. */
public enum CallKind {
    /** Safe to repeat: retried on connection failures, 5xx and 429. */
    READ,
    /**
     * Not idempotent: retried only when Mapiq cannot have processed it (connection refused, 429, 503 with
     * Retry-After).
     */
    WRITE
}
