package io.github.camelmapiq.mapiq.producer;

import io.github.camelmapiq.mapiq.MapiqException;

/**
 * A batch of occupancy readings was only partly ingested: chunks before the failed one were accepted by Mapiq, the
 * failed one and those after it were not. The message and the getters say which, so the rest can be resent without
 * duplicating what was accepted. The cause is Mapiq's error for the failed chunk.
 */
public class OccupancyIngestException extends MapiqException {

    private final int acceptedReadings;
    private final int totalReadings;
    private final int failedChunk;
    private final int totalChunks;

    OccupancyIngestException(int acceptedReadings, int totalReadings, int failedChunk, int totalChunks, int chunkSize,
                             Exception cause) {
        super(message(acceptedReadings, totalReadings, failedChunk, totalChunks, chunkSize, cause), cause);
        this.acceptedReadings = acceptedReadings;
        this.totalReadings = totalReadings;
        this.failedChunk = failedChunk;
        this.totalChunks = totalChunks;
    }

    private static String message(int accepted, int total, int failedChunk, int totalChunks, int chunkSize,
                                  Exception cause) {
        int failedEnd = Math.min(accepted + chunkSize, total) - 1;
        return "Occupancy chunk " + failedChunk + " of " + totalChunks + " (readings " + accepted + ".." + failedEnd
               + ") failed: " + cause.getMessage() + ". "
               + (failedChunk == 1
                       ? "No chunk was accepted"
                       : "Chunks 1.." + (failedChunk - 1) + " (readings 0.." + (accepted - 1) + ") were accepted")
               + "; readings " + accepted + ".." + (total - 1) + " were not confirmed as ingested: resend them.";
    }

    /** Readings Mapiq accepted: indexes {@code 0 .. acceptedReadings-1} of the batch. */
    public int getAcceptedReadings() {
        return acceptedReadings;
    }

    public int getTotalReadings() {
        return totalReadings;
    }

    /** The chunk that failed, counted from 1. */
    public int getFailedChunk() {
        return failedChunk;
    }

    public int getTotalChunks() {
        return totalChunks;
    }
}
