package io.github.camelmapiq.simulator.api;

import io.github.camelmapiq.simulator.data.Model.Rec;
import io.github.camelmapiq.simulator.http.Json;
import io.github.camelmapiq.simulator.http.Reply;
import io.github.camelmapiq.simulator.shape.Out;
import io.github.camelmapiq.simulator.shape.V1Shapes;
import io.github.camelmapiq.simulator.shape.V2Shapes;

import java.util.List;

/** Answers with records in their v2 or v1 shape: one record, a page, or a bare array. */
final class RecordReplies {

    /** Longer lists are streamed chunked rather than buffered. */
    private static final int BUFFERED_ROWS = 2000;

    private final Json json;

    RecordReplies(Json json) {
        this.json = json;
    }

    Reply record(int status, Rec rec, boolean v1) {
        return Reply.json(status, json.bytes(g -> write(rec, new Out.Json(g), v1)));
    }

    /** A page {@code {items, continuationToken}} or, when {@code bare}, a JSON array. */
    Reply list(List<? extends Rec> rows, boolean bare, String next, boolean v1) {
        Json.Body body = g -> {
            Out o = new Out.Json(g);
            if (bare) {
                g.writeStartArray();
            } else {
                g.writeStartObject();
                g.writeArrayFieldStart("items");
            }
            for (Rec rec : rows) {
                write(rec, o, v1);
            }
            g.writeEndArray();
            if (!bare) {
                if (next == null) {
                    g.writeNullField("continuationToken");
                } else {
                    g.writeStringField("continuationToken", next);
                }
                g.writeEndObject();
            }
        };
        if (rows.size() <= BUFFERED_ROWS) {
            return Reply.json(200, json.bytes(body));
        }
        return Reply.streamed(200, "application/json; charset=utf-8", out -> json.write(out, body));
    }

    private static void write(Rec rec, Out o, boolean v1) {
        if (v1) {
            V1Shapes.write(rec, o);
        } else {
            V2Shapes.write(rec, o);
        }
    }
}
