package io.github.camelmapiq.mapiq.client.http;

/** The top-level fields a listing captures the text of, found by the hash that field names from the parser cache. */
final class KeyFields {

    private final String[] names;
    private final int[] hashes;

    KeyFields(String[] names) {
        this.names = names;
        this.hashes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            hashes[i] = names[i].hashCode();
        }
    }

    int size() {
        return names.length;
    }

    String name(int i) {
        return names[i];
    }

    /** The index of {@code field}, or -1 when it is not captured. */
    int indexOf(String field) {
        int hash = field.hashCode(); // field names come canonicalised from the parser, their hash cached
        for (int i = 0; i < names.length; i++) {
            if (hashes[i] == hash && names[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }
}
