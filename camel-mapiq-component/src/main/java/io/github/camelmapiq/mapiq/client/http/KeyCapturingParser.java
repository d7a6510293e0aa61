package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * The page's parser as data binding sees it while it binds one record: every token passes through unchanged, and the
 * text of the record's top-level key fields (its id, its date) is picked up on the way, so that the record is read by
 * a single pass of the tokenizer. It also knows how deep inside the record the parser is, so that a record that cannot
 * be bound is skipped to its end and the page read on.
 */
final class KeyCapturingParser extends JsonParserDelegate {

    private final KeyFields fields;
    private String[] keys;
    private int depth;
    private int pendingKey = -1;

    KeyCapturingParser(JsonParser parser, KeyFields fields) {
        super(parser);
        this.fields = fields;
    }

    /** Starts a record: the parser is at its {@code START_OBJECT}; keys found go to {@code keys}. */
    void startRecord(String[] keys) {
        this.keys = keys;
        this.depth = 1;
        this.pendingKey = -1;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token == null) {
            return null;
        }
        switch (token) {
            case START_OBJECT, START_ARRAY -> {
                depth++;
                pendingKey = -1;
            }
            case END_OBJECT, END_ARRAY -> depth--;
            case FIELD_NAME -> pendingKey = depth == 1 ? fields.indexOf(delegate.currentName()) : -1;
            case VALUE_NULL -> pendingKey = -1;
            default -> {
                if (pendingKey >= 0) {
                    keys[pendingKey] = delegate.getText();
                    pendingKey = -1;
                }
            }
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken current = delegate.currentToken();
        if (current == JsonToken.START_OBJECT || current == JsonToken.START_ARRAY) {
            delegate.skipChildren();
            depth--;
        }
        return this;
    }

    /** After a record failed to bind: moves to the record's closing brace, as if it had been read. */
    void skipRestOfRecord() throws IOException {
        while (depth > 0 && nextToken() != null) {
            // each token adjusts depth
        }
    }
}
