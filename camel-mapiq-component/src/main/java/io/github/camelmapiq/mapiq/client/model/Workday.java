package io.github.camelmapiq.mapiq.client.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a user works on a date or time slot ({@code GET /v2/workdays}); a user may have several per date.
 * <p>
 * Enum-valued fields are stored as the string Mapiq sent: {@code getX()} gives the enum ({@code UNKNOWN} for a value
 * this version does not know), {@code getXValue()} the string, which is what is serialised.
 */
public class Workday extends MapiqRecord {

    private String id;
    private String userId;
    private String email;
    private String externalId;
    private LocalDate date;
    private OffsetDateTime startTime;
    private OffsetDateTime endTime;
    @JsonProperty("status")
    private String status;
    private String buildingId;

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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public OffsetDateTime getStartTime() {
        return startTime;
    }

    public void setStartTime(OffsetDateTime startTime) {
        this.startTime = startTime;
    }

    public OffsetDateTime getEndTime() {
        return endTime;
    }

    public void setEndTime(OffsetDateTime endTime) {
        this.endTime = endTime;
    }

    /** {@link WorkdayStatus#UNKNOWN} for a value this version does not know (see {@link #getStatusValue()}). */
    @JsonIgnore
    public WorkdayStatus getStatus() {
        return WorkdayStatus.fromValue(status);
    }

    @JsonIgnore
    public void setStatus(WorkdayStatus status) {
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

    /** Null unless the status is {@code Office}. */
    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Workday other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id)
               && Objects.equals(userId, other.userId)
               && Objects.equals(email, other.email)
               && Objects.equals(externalId, other.externalId)
               && Objects.equals(date, other.date)
               && Objects.equals(startTime, other.startTime)
               && Objects.equals(endTime, other.endTime)
               && Objects.equals(status, other.status)
               && Objects.equals(buildingId, other.buildingId)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, userId, email, externalId, date, startTime, endTime, status, buildingId, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "Workday{" + "id=" + id
               + ", userId=" + userId
               + ", email=" + email
               + ", externalId=" + externalId
               + ", date=" + date
               + ", startTime=" + startTime
               + ", endTime=" + endTime
               + ", status=" + status
               + ", buildingId=" + buildingId
               + unknownFieldsSuffix() + "}";
    }
}
