package io.github.camelmapiq.mapiq.consumer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Keeps a record's last body (needed to send a deleted record) in a fraction of its size: deflate with a preset
 * dictionary of the field names and values Mapiq records share, which is what makes small JSON documents compress
 * (a plain deflate of a 400-byte record saves little). The dictionary is fixed, so packed bytes stay readable across
 * versions as long as it is never changed; a new dictionary needs a new state format version.
 */
final class PackedJson {

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

    private PackedJson() {
    }

    static byte[] pack(String json) {
        byte[] input = json.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(input);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length / 2));
        byte[] buffer = new byte[Math.max(256, input.length)];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    static String unpack(byte[] packed) {
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setDictionary(DICTIONARY);
        inflater.setInput(packed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 3);
        byte[] buffer = new byte[Math.max(256, packed.length * 3)];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("Truncated packed record in the consumer state");
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("Corrupt packed record in the consumer state: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
