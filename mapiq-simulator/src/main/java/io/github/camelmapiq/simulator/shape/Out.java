package io.github.camelmapiq.simulator.shape;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a shape writes its fields. One shape definition serves both the streamed HTTP answer
 * ({@link Json}) and the maps of the Java control API ({@link Maps}), so the two never drift apart.
 */
public interface Out {

    void field(String name, String value);

    void field(String name, long value);

    void field(String name, Integer value);

    void startArray(String name);

    void endArray();

    void startObject();

    void endObject();

    void value(String element);

    /** Writes the unknown fields a record was stored with. */
    void extra(Map<String, Object> extra);

    /** Streams into a Jackson generator (created by the simulator's ObjectMapper, so it has a codec). */
    final class Json implements Out {
        private final JsonGenerator g;

        public Json(JsonGenerator g) {
            this.g = g;
        }

        @Override
        public void field(String name, String value) {
            try {
                if (value == null) {
                    g.writeNullField(name);
                } else {
                    g.writeStringField(name, value);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void field(String name, long value) {
            try {
                g.writeNumberField(name, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void field(String name, Integer value) {
            try {
                if (value == null) {
                    g.writeNullField(name);
                } else {
                    g.writeNumberField(name, value.intValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void startArray(String name) {
            try {
                g.writeArrayFieldStart(name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void endArray() {
            try {
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void startObject() {
            try {
                g.writeStartObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void endObject() {
            try {
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void value(String element) {
            try {
                g.writeString(element);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void extra(Map<String, Object> extra) {
            if (extra == null) {
                return;
            }
            try {
                for (Map.Entry<String, Object> e : extra.entrySet()) {
                    g.writeFieldName(e.getKey());
                    g.writeObject(e.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Builds a JSON-shaped {@code LinkedHashMap} (field order as on the wire). */
    final class Maps implements Out {
        private final Deque<Object> stack = new ArrayDeque<>();
        private final Deque<String> pendingNames = new ArrayDeque<>();
        private Map<String, Object> root;

        @SuppressWarnings("unchecked")
        private void put(String name, Object value) {
            Object top = stack.peek();
            if (top instanceof Map) {
                ((Map<String, Object>) top).put(name, value);
            } else {
                ((List<Object>) top).add(value);
            }
        }

        public Map<String, Object> result() {
            return root;
        }

        @Override
        public void field(String name, String value) {
            put(name, value);
        }

        @Override
        public void field(String name, long value) {
            put(name, value);
        }

        @Override
        public void field(String name, Integer value) {
            put(name, value);
        }

        @Override
        public void startArray(String name) {
            List<Object> list = new ArrayList<>();
            put(name, list);
            stack.push(list);
        }

        @Override
        public void endArray() {
            stack.pop();
        }

        @Override
        public void startObject() {
            Map<String, Object> map = new LinkedHashMap<>();
            if (stack.isEmpty()) {
                root = map;
            } else {
                put(null, map);
            }
            stack.push(map);
        }

        @Override
        public void endObject() {
            stack.pop();
        }

        @Override
        public void value(String element) {
            put(null, element);
        }

        @Override
        public void extra(Map<String, Object> extra) {
            if (extra != null) {
                extra.forEach(this::put);
            }
        }
    }
}
