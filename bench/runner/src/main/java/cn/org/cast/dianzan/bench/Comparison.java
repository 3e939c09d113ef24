package cn.org.cast.dianzan.bench;

import java.util.List;

/**
 * A function of template.yaml, the event it is measured with, its plain baseline (null until one is
 * written), and the answer its first call must give (null: any answer but a 5xx).
 */
record Comparison(String function, String event, Subject real, Subject baseline, String expected) {

    /**
     * Both variants, the one first in even rounds and the other in odd ones, so that neither always
     * follows the other: a slow phase of a noisy machine falls on both alike. Round 0 is the untimed
     * warm-up (BenchCold runs the real function alone before it).
     */
    List<Subject> inOrder(int round) {
        if (baseline == null) {
            return List.of(real);
        }
        return round % 2 == 0 ? List.of(real, baseline) : List.of(baseline, real);
    }
}
