package io.github.camelmapiq.mapiq.client.model;

import java.time.Instant;
import java.util.Objects;

/**
 * People counted in a desk, room or area at an instant; {@code POST /v2/occupancy} takes an array of them.
 */
public class OccupancyReading extends MapiqRecord {

    private String spaceId;
    private Instant timestamp;
    private Integer occupancy;

    public String getSpaceId() {
        return spaceId;
    }

    public void setSpaceId(String spaceId) {
        this.spaceId = spaceId;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    /** Number of people counted. */
    public Integer getOccupancy() {
        return occupancy;
    }

    public void setOccupancy(Integer occupancy) {
        this.occupancy = occupancy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OccupancyReading other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(spaceId, other.spaceId)
               && Objects.equals(timestamp, other.timestamp)
               && Objects.equals(occupancy, other.occupancy)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spaceId, timestamp, occupancy, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "OccupancyReading{" + "spaceId=" + spaceId
               + ", timestamp=" + timestamp
               + ", occupancy=" + occupancy
               + unknownFieldsSuffix() + "}";
    }
}
