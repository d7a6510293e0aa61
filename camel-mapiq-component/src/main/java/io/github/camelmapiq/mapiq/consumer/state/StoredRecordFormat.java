package io.github.camelmapiq.mapiq.consumer.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The binary form of what the state keeps of one record, without its id: epoch day, 128-bit fingerprint, and the
 * packed body or none. Shared by the {@code stateRepository} encoding and {@link FileSnapshotStore}, so both read what
 * the other wrote.
 */
public final class StoredRecordFormat {

    private StoredRecordFormat() {
    }

    public static void write(int day, long fingerprintHigh, long fingerprintLow, byte[] packedBody, DataOutputStream out)
            throws IOException {
        out.writeInt(day);
        out.writeLong(fingerprintHigh);
        out.writeLong(fingerprintLow);
        out.writeInt(packedBody == null ? -1 : packedBody.length);
        if (packedBody != null) {
            out.write(packedBody);
        }
    }

    /** Reads what {@link #write} wrote, as the record {@code id}. */
    public static StoredRecord read(String id, DataInputStream in) throws IOException {
        int day = in.readInt();
        long high = in.readLong();
        long low = in.readLong();
        int length = in.readInt();
        byte[] body = null;
        if (length >= 0) {
            body = new byte[length];
            in.readFully(body);
        }
        return new StoredRecord(id, high, low, day, body);
    }
}
