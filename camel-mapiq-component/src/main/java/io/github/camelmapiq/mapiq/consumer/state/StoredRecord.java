package io.github.camelmapiq.mapiq.consumer.state;

/**
 * What snapshot change detection ({@code changesOnly}) keeps of one delivered record.
 *
 * @param id              the record's id
 * @param fingerprintHigh the high 64 bits of the 128-bit fingerprint of the record as delivered
 * @param fingerprintLow  the low 64 bits of that fingerprint
 * @param day             the epoch day that places the record in a date window, or {@link #NO_DAY}
 * @param packedBody      the record's last body, deflated, when {@code deletedRecordBodies} needs it; else {@code null}
 */
public record StoredRecord(String id, long fingerprintHigh, long fingerprintLow, int day, byte[] packedBody) {

    /** The day of a record that has none (an undated resource, or a date Mapiq did not send). */
    public static final int NO_DAY = Integer.MIN_VALUE;

    /**
     * Whether this is a write-ahead mark: a record whose change a consumer may have delivered without its state being
     * written. A mark's fingerprint is zero (no record's is).
     */
    public boolean isMark() {
        return isMark(fingerprintHigh, fingerprintLow);
    }

    /** Whether a record with this fingerprint is a mark. */
    public static boolean isMark(long fingerprintHigh, long fingerprintLow) {
        return fingerprintHigh == 0 && fingerprintLow == 0;
    }

    /** This record as a mark: its fingerprint zero, its day and body kept. */
    public StoredRecord asMark() {
        return new StoredRecord(id, 0, 0, day, packedBody);
    }
}
