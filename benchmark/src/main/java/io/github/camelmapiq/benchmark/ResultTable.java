package io.github.camelmapiq.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the measurements as an aligned text table for the console and as a Markdown table for the report file. */
final class ResultTable {

    private static final String[] HEADERS = { "Scenario", "Variant", "Count", "Time (s)", "Rate", "Heap baseline MB",
            "Peak heap MB", "Live after GC MB", "Outcome", "Notes" };

    private final List<Measurement> rows;

    ResultTable(List<Measurement> rows) {
        this.rows = List.copyOf(rows);
    }

    String toText() {
        List<String[]> cells = cells();
        int[] widths = new int[HEADERS.length - 1];
        for (String[] row : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : cells) {
            for (int i = 0; i < widths.length; i++) {
                out.append(String.format(Locale.ROOT, i >= 2 && i <= 7 ? "%" + widths[i] + "s  " : "%-" + widths[i]
                                                                                                    + "s  ", row[i]));
            }
            out.append(row[HEADERS.length - 1]).append('\n');
        }
        return out.toString();
    }

    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        List<String[]> cells = cells();
        for (int r = 0; r < cells.size(); r++) {
            out.append("| ").append(String.join(" | ", cells.get(r))).append(" |\n");
            if (r == 0) {
                out.append("|---|---|").append("---:|".repeat(6)).append("---|---|\n");
            }
        }
        return out.toString();
    }

    private List<String[]> cells() {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        for (Measurement m : rows) {
            HeapMeter.HeapUse heap = m.heap();
            cells.add(new String[] { m.scenario(), m.variant(), String.format(Locale.ROOT, "%,d", m.count()),
                    String.format(Locale.ROOT, "%.1f", m.elapsed().toMillis() / 1000.0),
                    String.format(Locale.ROOT, "%,.0f %s/s", m.perSecond(), m.unit()),
                    heap == null ? "" : String.valueOf(heap.baselineMb()),
                    heap == null ? "" : String.valueOf(heap.peakUsedMb()),
                    heap == null ? "" : String.valueOf(heap.maxLiveMb()), m.outcome(),
                    m.note() == null ? "" : m.note() });
        }
        return cells;
    }
}
