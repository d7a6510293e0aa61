package io.github.camelmapiq.mapiq.client.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Contract-shaped sample records (section 4 of docs/mapiq-api.md), one per readable resource, for tests. */
public final class Representations {

    private static final ObjectNode SAMPLES = load();

    private Representations() {
    }

    /** A fresh copy of the sample record of a resource, by its URI name ({@code workdays}, ...). */
    public static ObjectNode sample(String resource) {
        ObjectNode sample = (ObjectNode) SAMPLES.get(resource);
        if (sample == null) {
            throw new IllegalArgumentException("no sample for " + resource);
        }
        return sample.deepCopy();
    }

    private static ObjectNode load() {
        try (InputStream in = Representations.class.getResourceAsStream("representations.json")) {
            return (ObjectNode) MapiqJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
