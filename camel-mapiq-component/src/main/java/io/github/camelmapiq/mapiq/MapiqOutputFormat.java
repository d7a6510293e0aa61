package io.github.camelmapiq.mapiq;

/** The shape of message bodies produced by consumers and read operations. */
public enum MapiqOutputFormat {
    /** The model types of package {@code io.github.camelmapiq.mapiq.client.model}. */
    pojo,
    /** {@code java.util.Map} per record, field names as Mapiq sends them. */
    map,
    /** The record's JSON text as a String. */
    json,
    /** The record rendered in the retired v1 API's JSON shape (a String), for systems still fed v1 payloads. */
    v1
}
