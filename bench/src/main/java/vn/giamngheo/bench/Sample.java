package vn.giamngheo.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One figure measured several times: its median is what the table compares, its minimum and maximum show the spread
 * of the repetitions on a shared machine.
 */
final class Sample {

    private final List<Double> values = new ArrayList<>();

    static Sample of(double... values) {
        Sample sample = new Sample();
        for (double value : values) {
            sample.add(value);
        }
        return sample;
    }

    synchronized Sample add(double value) {
        values.add(value);
        return this;
    }

    synchronized int size() {
        return values.size();
    }

    synchronized List<Double> values() {
        return List.copyOf(values);
    }

    synchronized double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    synchronized double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    synchronized double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
