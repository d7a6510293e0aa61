package io.github.camelmapiq.simulator.http;

import java.util.concurrent.ThreadLocalRandom;

/** Writes an {@link ApiException} as an answer: RFC 7807 problem details, or OAuth error JSON on token endpoints. */
public final class Problems {

    private final Json json;

    public Problems(Json json) {
        this.json = json;
    }

    public Reply reply(ApiException e) {
        Reply r = Reply.bytes(e.status, e.oauthError != null ? "application/json; charset=utf-8"
                : "application/problem+json; charset=utf-8", body(e));
        e.headers.forEach(r::header);
        if (e.oauthError != null) {
            r.header("Cache-Control", "no-store");
        }
        return r;
    }

    private byte[] body(ApiException e) {
        String trace = traceId();
        return json.bytes(g -> {
            g.writeStartObject();
            if (e.oauthError != null) {
                g.writeStringField("error", e.oauthError);
                g.writeStringField("error_description", e.getMessage());
            } else {
                g.writeStringField("type", ApiException.typeFor(e.status));
                g.writeStringField("title", e.title == null ? ApiException.titleFor(e.status) : e.title);
                g.writeNumberField("status", e.status);
                g.writeStringField("detail", e.getMessage());
                g.writeStringField("traceId", trace);
                if (e.errors != null) {
                    g.writeObjectField("errors", e.errors);
                }
            }
            g.writeEndObject();
        });
    }

    private static String traceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("00-%016x%016x-%016x-00", r.nextLong(), r.nextLong(), r.nextLong());
    }
}
