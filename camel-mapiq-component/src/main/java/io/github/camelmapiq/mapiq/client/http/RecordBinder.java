package io.github.camelmapiq.mapiq.client.http;

/**
 * Turns a listed record into its final form (a model object, a Map, its text). A {@link Listing} given one with
 * {@link Listing#bindAhead} binds each record of a page fetched ahead on its prefetch thread, while the caller is
 * still busy with the page before.
 */
@FunctionalInterface
public interface RecordBinder {

    /**
     * @throws RuntimeException when the record cannot be bound; it is kept with the record and thrown to whoever asks
     *                          for the bound value, so that it fails that record alone
     */
    Object bind(ListedRecord record);
}
