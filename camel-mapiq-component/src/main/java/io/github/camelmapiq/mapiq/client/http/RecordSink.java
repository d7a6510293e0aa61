package io.github.camelmapiq.mapiq.client.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives the records of a list, one at a time, as they are parsed. */
@FunctionalInterface
public interface RecordSink {
    void accept(ObjectNode record) throws Exception;
}
