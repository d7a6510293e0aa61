package io.github.camelmapiq.mapiq.client.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A parking spot booking ({@code GET /v2/reservations/parking-spots}).
 */
public class ParkingReservation extends MapiqRecord {

    private String id;
    private String userId;
    private String email;
    private OffsetDateTime startTime;
    private OffsetDateTime endTime;
    private String parkingLotId;
    private String parkingLotName;
    private String zoneId;
    private String zoneName;
    private String licensePlate;

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

    public String getParkingLotId() {
        return parkingLotId;
    }

    public void setParkingLotId(String parkingLotId) {
        this.parkingLotId = parkingLotId;
    }

    public String getParkingLotName() {
        return parkingLotName;
    }

    public void setParkingLotName(String parkingLotName) {
        this.parkingLotName = parkingLotName;
    }

    public String getZoneId() {
        return zoneId;
    }

    public void setZoneId(String zoneId) {
        this.zoneId = zoneId;
    }

    public String getZoneName() {
        return zoneName;
    }

    public void setZoneName(String zoneName) {
        this.zoneName = zoneName;
    }

    /** Latest known licence plate of the user. */
    public String getLicensePlate() {
        return licensePlate;
    }

    public void setLicensePlate(String licensePlate) {
        this.licensePlate = licensePlate;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ParkingReservation other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id)
               && Objects.equals(userId, other.userId)
               && Objects.equals(email, other.email)
               && Objects.equals(startTime, other.startTime)
               && Objects.equals(endTime, other.endTime)
               && Objects.equals(parkingLotId, other.parkingLotId)
               && Objects.equals(parkingLotName, other.parkingLotName)
               && Objects.equals(zoneId, other.zoneId)
               && Objects.equals(zoneName, other.zoneName)
               && Objects.equals(licensePlate, other.licensePlate)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, userId, email, startTime, endTime, parkingLotId, parkingLotName, zoneId, zoneName, licensePlate, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "ParkingReservation{" + "id=" + id
               + ", userId=" + userId
               + ", email=" + email
               + ", startTime=" + startTime
               + ", endTime=" + endTime
               + ", parkingLotId=" + parkingLotId
               + ", parkingLotName=" + parkingLotName
               + ", zoneId=" + zoneId
               + ", zoneName=" + zoneName
               + ", licensePlate=" + licensePlate
               + unknownFieldsSuffix() + "}";
    }
}
