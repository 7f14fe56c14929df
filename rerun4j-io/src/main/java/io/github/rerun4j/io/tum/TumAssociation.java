package io.github.rerun4j.io.tum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The TUM benchmark's {@code associate.py} rule: every pair of stamps {@code (a, b)} with
 * {@code |a - (b + offset)| < maxDifference} is a candidate; candidates are taken by smallest difference,
 * each stamp used at most once; the result is sorted by the first list's stamp.
 */
public final class TumAssociation {

    /** The benchmark's default maximum difference, 20 ms. */
    public static final double DEFAULT_MAX_DIFFERENCE = 0.02;

    private TumAssociation() {
    }

    /**
     * Pairs of indices {@code [i, j]} of {@code first} and {@code second} (both in seconds).
     * Cost: the candidate pairs are found with two pointers over sorted stamps, so n log n, not n².
     */
    public static List<int[]> associate(double[] first, double[] second, double offset, double maxDifference) {
        Integer[] bySecond = sortedIndices(second);
        record Candidate(double diff, int i, int j) {
        }
        List<Candidate> candidates = new ArrayList<>();
        // For each a, the b within the window: b sorted, so start where b + offset > a - maxDifference.
        int lo = 0;
        Integer[] byFirst = sortedIndices(first);
        for (int ia : byFirst) {
            double a = first[ia];
            while (lo < bySecond.length && second[bySecond[lo]] + offset <= a - maxDifference) {
                lo++;
            }
            for (int k = lo; k < bySecond.length; k++) {
                double b = second[bySecond[k]] + offset;
                if (b >= a + maxDifference) {
                    break;
                }
                double diff = Math.abs(a - b);
                if (diff < maxDifference) {
                    candidates.add(new Candidate(diff, ia, bySecond[k]));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::diff).thenComparingInt(Candidate::i)
                .thenComparingInt(Candidate::j));
        boolean[] usedFirst = new boolean[first.length];
        boolean[] usedSecond = new boolean[second.length];
        List<int[]> pairs = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!usedFirst[c.i] && !usedSecond[c.j]) {
                usedFirst[c.i] = true;
                usedSecond[c.j] = true;
                pairs.add(new int[] {c.i, c.j});
            }
        }
        pairs.sort(Comparator.comparingDouble((int[] p) -> first[p[0]]).thenComparingInt(p -> p[0]));
        return pairs;
    }

    private static Integer[] sortedIndices(double[] values) {
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, Comparator.comparingDouble(i -> values[i]));
        return idx;
    }
}
