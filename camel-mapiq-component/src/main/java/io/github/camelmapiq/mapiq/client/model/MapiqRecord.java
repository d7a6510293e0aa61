package io.github.camelmapiq.mapiq.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Base of every Mapiq representation. Fields this version of the model does not know are kept here (in the order
 * Mapiq sent them) rather than dropped: much of the v2 contract is unpublished, so a field Mapiq adds tomorrow stays
 * reachable through {@link #getUnknownFields()} and is written back when the record is serialised again.
 */
public abstract class MapiqRecord {

    private final Map<String, Object> unknownFields = new LinkedHashMap<>();

    /** Fields Mapiq sent that the model has no property for, by name as sent (JSON values as Jackson reads them). */
    @JsonAnyGetter
    public Map<String, Object> getUnknownFields() {
        return unknownFields;
    }

    /** One unknown field by name, or {@code null}. */
    public Object getUnknownField(String name) {
        return unknownFields.get(name);
    }

    @JsonAnySetter
    public void setUnknownField(String name, Object value) {
        unknownFields.put(name, value);
    }

    /** For subclasses' {@code equals}: the unknown fields take part in equality. */
    protected boolean unknownFieldsEqual(MapiqRecord other) {
        return unknownFields.equals(other.unknownFields);
    }

    /** For subclasses' {@code hashCode}. */
    protected int unknownFieldsHash() {
        return unknownFields.hashCode();
    }

    /** For subclasses' {@code toString}: empty when no unknown field was seen. */
    protected String unknownFieldsSuffix() {
        return unknownFields.isEmpty() ? "" : ", unknownFields=" + unknownFields;
    }
}
