package io.github.camelmapiq.mapiq.consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqChangeType;

/**
 * One record a poll delivers: its id, its body as Mapiq sent it (for a deletion, the last body seen) and, with
 * {@code changesOnly}, how it changed ({@code null} otherwise).
 */
record Change(String id, ObjectNode record, MapiqChangeType type) {
}
