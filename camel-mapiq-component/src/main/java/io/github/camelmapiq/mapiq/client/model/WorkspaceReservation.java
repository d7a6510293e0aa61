package io.github.camelmapiq.mapiq.client.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A desk, area or floor booking ({@code GET /v2/reservations/workspaces}); v1 called it a registration.
 */
public class WorkspaceReservation extends MapiqRecord {

    private String id;
    private String userId;
    private String userExternalId;
    private String firstName;
    private String lastName;
    private String email;
    private OffsetDateTime startTime;
    private OffsetDateTime endTime;
    private String nodeId;
    private String deskId;
    private String areaId;
    private String floorId;
    private Integer floorNumber;
    private String buildingId;
    private String buildingName;

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

    public String getUserExternalId() {
        return userExternalId;
    }

    public void setUserExternalId(String userExternalId) {
        this.userExternalId = userExternalId;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
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

    /** The desk, area or floor booked. */
    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    /** Null unless a desk was booked. */
    public String getDeskId() {
        return deskId;
    }

    public void setDeskId(String deskId) {
        this.deskId = deskId;
    }

    /** Null when the booking is at floor level. */
    public String getAreaId() {
        return areaId;
    }

    public void setAreaId(String areaId) {
        this.areaId = areaId;
    }

    public String getFloorId() {
        return floorId;
    }

    public void setFloorId(String floorId) {
        this.floorId = floorId;
    }

    public Integer getFloorNumber() {
        return floorNumber;
    }

    public void setFloorNumber(Integer floorNumber) {
        this.floorNumber = floorNumber;
    }

    public String getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(String buildingId) {
        this.buildingId = buildingId;
    }

    public String getBuildingName() {
        return buildingName;
    }

    public void setBuildingName(String buildingName) {
        this.buildingName = buildingName;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WorkspaceReservation other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id)
               && Objects.equals(userId, other.userId)
               && Objects.equals(userExternalId, other.userExternalId)
               && Objects.equals(firstName, other.firstName)
               && Objects.equals(lastName, other.lastName)
               && Objects.equals(email, other.email)
               && Objects.equals(startTime, other.startTime)
               && Objects.equals(endTime, other.endTime)
               && Objects.equals(nodeId, other.nodeId)
               && Objects.equals(deskId, other.deskId)
               && Objects.equals(areaId, other.areaId)
               && Objects.equals(floorId, other.floorId)
               && Objects.equals(floorNumber, other.floorNumber)
               && Objects.equals(buildingId, other.buildingId)
               && Objects.equals(buildingName, other.buildingName)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, userId, userExternalId, firstName, lastName, email, startTime, endTime, nodeId, deskId, areaId, floorId, floorNumber, buildingId, buildingName, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "WorkspaceReservation{" + "id=" + id
               + ", userId=" + userId
               + ", userExternalId=" + userExternalId
               + ", firstName=" + firstName
               + ", lastName=" + lastName
               + ", email=" + email
               + ", startTime=" + startTime
               + ", endTime=" + endTime
               + ", nodeId=" + nodeId
               + ", deskId=" + deskId
               + ", areaId=" + areaId
               + ", floorId=" + floorId
               + ", floorNumber=" + floorNumber
               + ", buildingId=" + buildingId
               + ", buildingName=" + buildingName
               + unknownFieldsSuffix() + "}";
    }
}
