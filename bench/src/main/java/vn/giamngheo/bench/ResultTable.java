package vn.giamngheo.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table the bench prints: per measure our figure and the baseline's, both measured in the same run, as the
 * median over the repetitions with their minimum and maximum, the ratio of the medians and the goal.
 */
final class ResultTable {

    /** How a figure is shown. */
    enum Unit {
        PER_SECOND("/s", 0), MILLIS(" ms", 1), SECONDS(" s", 1), MIB(" MiB", 0);

        private final String suffix;
        private final int decimals;

        Unit(String suffix, int decimals) {
            this.suffix = suffix;
            this.decimals = decimals;
        }

        String format(double value) {
            if (Double.isNaN(value)) {
                return "n/a";
            }
            int places = decimals == 1 && Math.abs(value) >= 100 ? 0 : decimals;
            return String.format(Locale.ROOT, "%,." + places + "f", value) + suffix;
        }
    }

    /** A goal on the ratio (ours / baseline) or, for memory, on our own figure. */
    record Goal(String text, Kind kind, double limit) {

        enum Kind { RATIO_AT_LEAST, RATIO_AT_MOST, OURS_AT_MOST, NONE }

        static Goal ratioAtLeast(double limit) {
            return new Goal(String.format(Locale.ROOT, "ratio >= %s", trim(limit)), Kind.RATIO_AT_LEAST, limit);
        }

        static Goal ratioAtMost(double limit) {
            return new Goal(String.format(Locale.ROOT, "ratio <= %s", trim(limit)), Kind.RATIO_AT_MOST, limit);
        }

        static Goal oursAtMost(double limit, String text) {
            return new Goal(text, Kind.OURS_AT_MOST, limit);
        }

        static Goal none() {
            return new Goal("-", Kind.NONE, Double.NaN);
        }

        String verdict(double ours, double ratio) {
            return switch (kind) {
                case RATIO_AT_LEAST -> Double.isNaN(ratio) ? "?" : ratio >= limit ? "met" : "MISSED";
                case RATIO_AT_MOST -> Double.isNaN(ratio) ? "?" : ratio <= limit ? "met" : "MISSED";
                case OURS_AT_MOST -> Double.isNaN(ours) ? "?" : ours <= limit ? "met" : "MISSED";
                case NONE -> "";
            };
        }

        private static String trim(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }

    record Row(int number, String measure, Unit unit, Sample ours, String baselineName, Sample baseline, Goal goal) {

        double ratio() {
            return baseline == null ? Double.NaN : ours.median() / baseline.median();
        }

        String verdict() {
            return goal.verdict(ours.median(), ratio());
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void add(int number, String measure, Unit unit, Sample ours, String baselineName, Sample baseline,
                          Goal goal) {
        rows.add(new Row(number, measure, unit, ours, baselineName, baseline, goal));
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized void print(PrintStream out, String title) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"#", "measure", "ours", "baseline (same run)", "ratio", "goal", ""});
        for (Row row : rows) {
            cells.add(new String[] {Integer.toString(row.number()), row.measure(), figure(row.unit(), row.ours()),
                    row.baseline() == null ? "-" : row.baselineName() + ": " + figure(row.unit(), row.baseline()),
                    Double.isNaN(row.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", row.ratio()),
                    row.goal().text(), row.verdict()});
        }
        int[] widths = new int[7];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        out.println();
        out.println(title);
        int previous = -1;
        for (int r = 0; r < cells.size(); r++) {
            String[] line = cells.get(r);
            int number = r == 0 ? 0 : rows.get(r - 1).number();
            if (r == 1 || (r > 1 && number != previous)) {
                out.println(separator(widths));
            }
            previous = number;
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                String cell = r > 1 && i == 0 && number == rowNumberBefore(r) ? "" : line[i];
                text.append(i == 0 ? "" : " | ").append(pad(cell, widths[i], i == 4));
            }
            out.println(text.toString().stripTrailing());
        }
        out.println(separator(widths));
        for (String note : notes) {
            out.println(note);
        }
    }

    private int rowNumberBefore(int r) {
        return r <= 1 ? -1 : rows.get(r - 2).number();
    }

    /** "1,234/s [1,200-1,300] n=3", or just the value when measured once. */
    static String figure(Unit unit, Sample sample) {
        if (sample.size() <= 1) {
            return unit.format(sample.median()) + (sample.size() == 1 ? " n=1" : "");
        }
        return unit.format(sample.median()) + " [" + unit.format(sample.min()).replace(unit.suffix, "") + "-"
                + unit.format(sample.max()).replace(unit.suffix, "") + "] n=" + sample.size();
    }

    private static String separator(int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            line.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        return line.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - text.length()));
        return right ? padding + text : text + padding;
    }
}
