package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectReader;

/**
 * One record of a list answer, as the bytes Mapiq sent for it: a slice of its page, which is read once into memory (in
 * chunks, see {@link PageBody}) and framed by a single pass of the tokenizer. The record is bound from these bytes
 * straight into its output form ({@link #read}), or taken as its JSON text ({@link #text}); nothing else is built
 * from it. The top-level fields the
 * listing was asked to capture (its id, the date placing it in a window) come along as text, picked up as its page was
 * read.
 */
public final class ListedRecord {

    private final byte[] page;
    private final int offset;
    private final int length;
    private final String[] keys;
    private final ObjectReader boundBy;
    private final Object bound;

    private static final String[] NO_KEYS = new String[0];

    /** Why a record that was bound as its page was read could not be; its exchange fails with it. */
    record BindingFailure(Exception failure) {
    }

    /** A record known only by its JSON (a deleted record's last body, kept by a consumer); it carries no keys. */
    public ListedRecord(byte[] json) {
        this(json, 0, json.length, NO_KEYS, null, null);
    }

    /**
     * @param boundBy the reader the record was bound with as its page was read, or {@code null}
     * @param bound   what it bound (or a {@link BindingFailure})
     */
    ListedRecord(byte[] page, int offset, int length, String[] keys, ObjectReader boundBy, Object bound) {
        this.page = page;
        this.offset = offset;
        this.length = length;
        this.keys = keys;
        this.boundBy = boundBy;
        this.bound = bound;
    }

    /** The array holding the record's bytes (a chunk of its page); read only, at {@link #offset}, {@link #length}. */
    public byte[] page() {
        return page;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /**
     * The text of the {@code i}-th captured top-level field (in the order the listing named them), or {@code null}
     * when the record lacks it or has it null. Numbers and booleans come as their JSON text; objects and arrays as null.
     */
    public String key(int i) {
        return i < keys.length ? keys[i] : null;
    }

    /** The record's JSON text exactly as Mapiq sent it. */
    public String text() {
        return new String(page, offset, length, StandardCharsets.UTF_8);
    }

    /**
     * The record bound by {@code reader} (a model type, a Map or a tree): what the page's single pass bound if it was
     * read with this reader, else bound now from the record's bytes.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(ObjectReader reader) throws IOException {
        if (reader == boundBy) {
            if (bound instanceof BindingFailure failed) {
                if (failed.failure() instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failed.failure();
            }
            return (T) bound;
        }
        return reader.readValue(page, offset, length);
    }

    /** The record's bytes in an array of their own. */
    public byte[] copyBytes() {
        byte[] copy = new byte[length];
        System.arraycopy(page, offset, copy, 0, length);
        return copy;
    }

    @Override
    public String toString() {
        return length <= 300 ? text() : new String(page, offset, 300, StandardCharsets.UTF_8) + "...";
    }
}
