package io.github.camelmapiq.mapiq;

/** What a producer does; set with {@code operation} or header {@code CamelMapiqOperation}. */
public enum MapiqOperation {
    /** List the resource with the consumer's filters (for enrich; pollEnrich runs the consumer). */
    list,
    /** Get one user, building or parking lot by id. */
    get,
    /** Post a check-in event. */
    create,
    /** Delete a workspace reservation by id. */
    delete,
    /** Ingest a batch of occupancy readings. */
    ingest,
    /** Any call under the API base with the {@code method} and {@code path} options. */
    raw
}
