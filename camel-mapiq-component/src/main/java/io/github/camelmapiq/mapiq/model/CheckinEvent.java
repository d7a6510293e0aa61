package io.github.camelmapiq.mapiq.model;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A stored check-in event ({@code GET /v2/user-locations/checkin-events}, and the answer of a post).
 * <p>
 * Enum-valued fields are stored as the string Mapiq sent: {@code getX()} gives the enum ({@code UNKNOWN} for a value
 * this version does not know), {@code getXValue()} the string, which is what is serialised.
 */
public class CheckinEvent extends MapiqRecord {

    private String id;
    private String userId;
    private String buildingId;
    @JsonProperty("eventType")
    private String eventType;
    @JsonProperty("source")
    private String source;
    private Instant timestamp;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

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
        if (!(o instanceof CheckinEvent other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id)
               && Objects.equals(userId, other.userId)
               && Objects.equals(buildingId, other.buildingId)
               && Objects.equals(eventType, other.eventType)
               && Objects.equals(source, other.source)
               && Objects.equals(timestamp, other.timestamp)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, userId, buildingId, eventType, source, timestamp, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "CheckinEvent{" + "id=" + id
               + ", userId=" + userId
               + ", buildingId=" + buildingId
               + ", eventType=" + eventType
               + ", source=" + source
               + ", timestamp=" + timestamp
               + unknownFieldsSuffix() + "}";
    }
}
