package io.github.camelmapiq.mapiq.client.model;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The current presence of a user ({@code GET /v2/user-locations/checkin-statuses}).
 * <p>
 * Enum-valued fields are stored as the string Mapiq sent: {@code getX()} gives the enum ({@code UNKNOWN} for a value
 * this version does not know), {@code getXValue()} the string, which is what is serialised.
 */
public class CheckinStatus extends MapiqRecord {

    private String userId;
    private String buildingId;
    @JsonProperty("status")
    private String status;
    private Instant since;
    @JsonProperty("source")
    private String source;

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

    /** {@code AtTheOffice} or {@code NotAtTheOffice}. {@link CheckinEventType#UNKNOWN} for a value this version does not know (see {@link #getStatusValue()}). */
    @JsonIgnore
    public CheckinEventType getStatus() {
        return CheckinEventType.fromValue(status);
    }

    @JsonIgnore
    public void setStatus(CheckinEventType status) {
        this.status = OpenEnum.toValue(status, "status");
    }

    /** The status string exactly as Mapiq sent it (also when {@link #getStatus()} is {@code UNKNOWN}). */
    @JsonIgnore
    public String getStatusValue() {
        return status;
    }

    @JsonIgnore
    public void setStatusValue(String status) {
        this.status = status;
    }

    public Instant getSince() {
        return since;
    }

    public void setSince(Instant since) {
        this.since = since;
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CheckinStatus other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(userId, other.userId)
               && Objects.equals(buildingId, other.buildingId)
               && Objects.equals(status, other.status)
               && Objects.equals(since, other.since)
               && Objects.equals(source, other.source)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, buildingId, status, since, source, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "CheckinStatus{" + "userId=" + userId
               + ", buildingId=" + buildingId
               + ", status=" + status
               + ", since=" + since
               + ", source=" + source
               + unknownFieldsSuffix() + "}";
    }
}
