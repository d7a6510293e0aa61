package io.github.camelmapiq.mapiq.client.model;

import java.util.Objects;

/**
 * A zone of a {@link ParkingLot}.
 */
public class Zone extends MapiqRecord {

    private String id;
    private String name;
    private Integer capacity;
    private String type;

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

    /** Zone type as Mapiq sends it. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Zone other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id)
               && Objects.equals(name, other.name)
               && Objects.equals(capacity, other.capacity)
               && Objects.equals(type, other.type)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, capacity, type, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "Zone{" + "id=" + id
               + ", name=" + name
               + ", capacity=" + capacity
               + ", type=" + type
               + unknownFieldsSuffix() + "}";
    }
}
