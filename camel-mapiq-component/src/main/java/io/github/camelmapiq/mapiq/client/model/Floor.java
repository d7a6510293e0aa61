package io.github.camelmapiq.mapiq.client.model;

import java.util.Objects;

/**
 * A floor of a {@link Building}.
 */
public class Floor extends MapiqRecord {

    private String id;
    private String name;
    private Integer number;

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

    /** Floor number (0 for the ground floor). */
    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Floor other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id)
               && Objects.equals(name, other.name)
               && Objects.equals(number, other.number)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, number, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "Floor{" + "id=" + id
               + ", name=" + name
               + ", number=" + number
               + unknownFieldsSuffix() + "}";
    }
}
