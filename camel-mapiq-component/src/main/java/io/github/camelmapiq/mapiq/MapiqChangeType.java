package io.github.camelmapiq.mapiq;

/** Value of header {@code CamelMapiqChangeType} when a consumer runs with {@code changesOnly=true}. */
public enum MapiqChangeType {
    CREATED,
    UPDATED,
    DELETED
}
