package io.github.camelmapiq.mapiq.client.model;

import java.util.List;
import java.util.Objects;

/**
 * A parking lot ({@code GET /v2/spaces/parking-lots}); its capacity is the sum of its zones' when it has zones.
 */
public class ParkingLot extends MapiqRecord {

    private String id;
    private String name;
    private Integer capacity;
    private List<Zone> zones;
    private List<String> buildingIds;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public List<Zone> getZones() {
        return zones;
    }

    public void setZones(List<Zone> zones) {
        this.zones = zones;
    }

    /** Buildings the lot is connected to. */
    public List<String> getBuildingIds() {
        return buildingIds;
    }

    public void setBuildingIds(List<String> buildingIds) {
        this.buildingIds = buildingIds;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ParkingLot other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id)
               && Objects.equals(name, other.name)
               && Objects.equals(capacity, other.capacity)
               && Objects.equals(zones, other.zones)
               && Objects.equals(buildingIds, other.buildingIds)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, capacity, zones, buildingIds, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "ParkingLot{" + "id=" + id
               + ", name=" + name
               + ", capacity=" + capacity
               + ", zones=" + zones
               + ", buildingIds=" + buildingIds
               + unknownFieldsSuffix() + "}";
    }
}
