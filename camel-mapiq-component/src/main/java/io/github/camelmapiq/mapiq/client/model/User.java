package io.github.camelmapiq.mapiq.client.model;

import java.util.Objects;

/**
 * A person of the subscription ({@code GET /v2/users}).
 */
public class User extends MapiqRecord {

    private String id;
    private String email;
    private String firstName;
    private String lastName;
    private String externalId;
    private String licensePlate;
    private String department;

    /** Mapiq's id (a GUID string). */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
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

    /** The customer's own employee id (from SSO); may be null. */
    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    /** Latest known licence plate; may be null. */
    public String getLicensePlate() {
        return licensePlate;
    }

    public void setLicensePlate(String licensePlate) {
        this.licensePlate = licensePlate;
    }

    /** May be null. */
    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof User other) || o.getClass() != getClass()) {
            return false;
        }
        return Objects.equals(id, other.id)
               && Objects.equals(email, other.email)
               && Objects.equals(firstName, other.firstName)
               && Objects.equals(lastName, other.lastName)
               && Objects.equals(externalId, other.externalId)
               && Objects.equals(licensePlate, other.licensePlate)
               && Objects.equals(department, other.department)
               && unknownFieldsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, email, firstName, lastName, externalId, licensePlate, department, unknownFieldsHash());
    }

    @Override
    public String toString() {
        return "User{" + "id=" + id
               + ", email=" + email
               + ", firstName=" + firstName
               + ", lastName=" + lastName
               + ", externalId=" + externalId
               + ", licensePlate=" + licensePlate
               + ", department=" + department
               + unknownFieldsSuffix() + "}";
    }
}
