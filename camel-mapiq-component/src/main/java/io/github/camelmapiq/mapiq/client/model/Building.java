package io.github.camelmapiq.mapiq.client.model;

import java.util.List;
import java.util.Objects;

/**
 * A building ({@code GET /v2/spaces/buildings}).
 */
public class Building extends MapiqRecord {

    private String id;
    private String name;
    private String timeZone;
    private String address;
    private List<Floor> floors;

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

    /** IANA time zone id of the building, such as {@code Europe/Amsterdam}. */
    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    /** May be null. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public List<Floor> getFloors() {
        return floors;
    }

    public void setFloors(List<Floor> floors) {
        this.floors = floors;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Building other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id)
               && Objects.equals(name, other.name)
               && Objects.equals(timeZone, other.timeZone)
               && Objects.equals(address, other.address)
               && Objects.equals(floors, other.floors)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, timeZone, address, floors, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "Building{" + "id=" + id
               + ", name=" + name
               + ", timeZone=" + timeZone
               + ", address=" + address
               + ", floors=" + floors
               + unknownFieldsSuffix() + "}";
    }
}
