package io.github.camelmapiq.mapiq.client.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A stored check-in event ({@code GET /v2/user-locations/checkin-events}, and the answer of a post): the posted
 * fields plus the id Mapiq gave it.
 * <p>
 * Enum-valued fields are stored as the string Mapiq sent: {@code getX()} gives the enum ({@code UNKNOWN} for a value
 * this version does not know), {@code getXValue()} the string, which is what is serialised.
 */
@JsonPropertyOrder({ "id", "userId", "buildingId", "eventType", "source", "timestamp" })
public class CheckinEvent extends CheckinEventCreate {

    private String id;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CheckinEvent other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id) && fieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(id) + super.hashCode();
    }

    @Override
    String describeId() {
        return "id=" + id + ", ";
    }
}
