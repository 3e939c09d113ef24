package cn.org.cast.dianzan.bench;

import java.util.List;

/** Minimum, median, 90th percentile (nearest rank) and maximum of some measurements. */
record Spread(double min, double median, double p90, double max) {

    static Spread of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(sorted.get(0), median, sorted.get((int) Math.ceil(0.9 * n) - 1), sorted.get(n - 1));
    }
}
