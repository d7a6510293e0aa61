package io.github.camelmapiq.mapiq.client.model;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /v2/user-locations/checkin-events}; {@code timestamp} is optional (Mapiq uses the time of
 * receipt) and left out when null. A stored {@link CheckinEvent} is this plus its id.
 * <p>
 * Enum-valued fields are stored as the string Mapiq sent: {@code getX()} gives the enum ({@code UNKNOWN} for a value
 * this version does not know), {@code getXValue()} the string, which is what is serialised.
 */
public class CheckinEventCreate extends MapiqRecord {

    private String userId;
    private String buildingId;
    @JsonProperty("eventType")
    private String eventType;
    @JsonProperty("source")
    private String source;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Instant timestamp;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    /** {@link CheckinEventType#UNKNOWN} for a value this version does not know (see {@link #getEventTypeValue()}). */
    @JsonIgnore
    public CheckinEventType getEventType() {
        return CheckinEventType.fromValue(eventType);
    }

    @JsonIgnore
    public void setEventType(CheckinEventType eventType) {
        this.eventType = OpenEnum.toValue(eventType, "eventType");
    }

    /** The eventType string exactly as Mapiq sent it (also when {@link #getEventType()} is {@code UNKNOWN}). */
    @JsonIgnore
    public String getEventTypeValue() {
        return eventType;
    }

    @JsonIgnore
    public void setEventTypeValue(String eventType) {
        this.eventType = eventType;
    }

    /** {@link CheckinSource#UNKNOWN} for a value this version does not know (see {@link #getSourceValue()}). */
    @JsonIgnore
    public CheckinSource getSource() {
        return CheckinSource.fromValue(source);
    }

    @JsonIgnore
    public void setSource(CheckinSource source) {
        this.source = OpenEnum.toValue(source, "source");
    }

    /** The source string exactly as Mapiq sent it (also when {@link #getSource()} is {@code UNKNOWN}). */
    @JsonIgnore
    public String getSourceValue() {
        return source;
    }

    @JsonIgnore
    public void setSourceValue(String source) {
        this.source = source;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CheckinEventCreate other) || o.getClass() != getClass()) {
            return false;
        }
        return fieldsEqual(other);
    }

    /** The posted fields and unknown fields are equal (for subclasses' {@code equals}). */
    protected final boolean fieldsEqual(CheckinEventCreate other) {
        return Objects.equals(userId, other.userId)
               && Objects.equals(buildingId, other.buildingId)
               && Objects.equals(eventType, other.eventType)
               && Objects.equals(source, other.source)
               && Objects.equals(timestamp, other.timestamp)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, buildingId, eventType, source, timestamp, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + describeId() + "userId=" + userId
               + ", buildingId=" + buildingId
               + ", eventType=" + eventType
               + ", source=" + source
               + ", timestamp=" + timestamp
               + unknownFieldsSuffix() + "}";
    }

    /** {@code "id=..., "} in a subclass that has an id. */
    String describeId() {
        return "";
    }
}
