package io.github.camelmapiq.mapiq.consumer.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;


/**
 * Keeps a record's JSON in a fraction of its size, as its last body in snapshot change detection with
 * {@code deletedRecordBodies} (needed to send a deleted record): deflate with a preset
 * dictionary of the field names and values Mapiq records share, which is what makes small JSON documents compress
 * (a plain deflate of a 400-byte record saves little). The dictionary is fixed, so packed bytes stay readable across
 * versions as long as it is never changed; a new dictionary needs a new state format version.
 */
public final class PackedJson {

    private static final byte[] DICTIONARY = ("\"source\":\"Wifi\"\"source\":\"AccessGate\"\"source\":\"Sensor\""
                                              + "\"eventType\":\"AtTheOffice\"\"eventType\":\"NotAtTheOffice\""
                                              + "\"status\":\"Office\"\"status\":\"Remote\"\"status\":\"NotWorking\""
                                              + "\"externalId\":null,\"licensePlate\":null,\"department\":null,"
                                              + "\"deskId\":null,\"areaId\":null,\"floorId\":null,\"floorNumber\":"
                                              + "\"nodeId\":\"\"parkingLotName\":\"\"zoneId\":\"\"zoneName\":\""
                                              + "\"buildingName\":\"\"userExternalId\":\"\"firstName\":\"\"lastName\":\""
                                              + "\"startTime\":\"\"endTime\":\"\"timestamp\":\"\"since\":\"\"date\":\""
                                              + "T00:00:00+01:00\",T00:00:00Z\",\"email\":\"@example.com\","
                                              + "\"parkingLotId\":\"\"buildingId\":\"\"userId\":\"{\"id\":\"")
            .getBytes(StandardCharsets.UTF_8);

    // zlib streams are costly to create (each holds a window of tens of kilobytes); one per thread is reused
    private static final ThreadLocal<Deflater> DEFLATERS
            = ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[8192]);

    private PackedJson() {
    }

    public static byte[] pack(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return pack(bytes, 0, bytes.length);
    }

    /** Packs {@code length} bytes of UTF-8 JSON from {@code offset}. */
    public static byte[] pack(byte[] input, int offset, int length) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(input, offset, length);
        deflater.finish();
        byte[] buffer = buffer(length + 64);
        int packed = 0;
        while (!deflater.finished()) {
            if (packed == buffer.length) {
                buffer = grow(buffer);
            }
            packed += deflater.deflate(buffer, packed, buffer.length - packed);
        }
        return Arrays.copyOf(buffer, packed);
    }

    public static String unpack(byte[] packed) {
        int length = inflate(packed);
        return new String(BUFFERS.get(), 0, length, StandardCharsets.UTF_8);
    }

    /** Unpacks into an array of its own. */
    public static byte[] unpackBytes(byte[] packed) {
        int length = inflate(packed);
        return Arrays.copyOf(BUFFERS.get(), length);
    }

    /** Inflates into this thread's buffer; returns the number of bytes. */
    private static int inflate(byte[] packed) {
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setDictionary(DICTIONARY);
        inflater.setInput(packed);
        byte[] buffer = buffer(packed.length * 4);
        int length = 0;
        try {
            while (!inflater.finished()) {
                if (length == buffer.length) {
                    buffer = grow(buffer);
                }
                int n = inflater.inflate(buffer, length, buffer.length - length);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("Truncated packed record in the consumer state");
                }
                length += n;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("Corrupt packed record in the consumer state: " + e.getMessage(), e);
        }
        return length;
    }

    /** This thread's work buffer, at least {@code size} bytes. */
    private static byte[] buffer(int size) {
        byte[] buffer = BUFFERS.get();
        if (buffer.length < size) {
            buffer = new byte[Math.max(size, buffer.length * 2)];
            BUFFERS.set(buffer);
        }
        return buffer;
    }

    private static byte[] grow(byte[] buffer) {
        byte[] larger = Arrays.copyOf(buffer, buffer.length * 2);
        BUFFERS.set(larger);
        return larger;
    }
}
