package io.github.camelmapiq.mapiq.client.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer: the HTTP status and the parsed JSON body ({@code null} when the body was empty). {@code text} is
 * set instead of {@code body} only by {@link MapiqHttpClient#callForAnyContent} for an answer whose content type is not
 * JSON.
 */
public record MapiqResponse(int status, JsonNode body, String text) {

    public MapiqResponse(int status, JsonNode body) {
        this(status, body, null);
    }
}
