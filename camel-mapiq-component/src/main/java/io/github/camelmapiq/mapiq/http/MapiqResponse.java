package io.github.camelmapiq.mapiq.http;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer: the HTTP status and the parsed JSON body ({@code null} when the body was empty). */
public record MapiqResponse(int status, JsonNode body) {
}
