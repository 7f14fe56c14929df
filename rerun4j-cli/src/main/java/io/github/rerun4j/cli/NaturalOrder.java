package io.github.rerun4j.cli;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * Natural sort of file names: runs of digits compare as numbers, so {@code frame2.png} comes before
 * {@code frame10.png} (a shell's glob sorts them the other way). Equal numbers with different zero padding
 * ({@code 01}, {@code 1}) and otherwise equal names fall back to the plain string order, so the order is total.
 */
final class NaturalOrder implements Comparator<Path> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(Path a, Path b) {
        int c = compareStrings(a.toString(), b.toString());
        return c != 0 ? c : a.compareTo(b);
    }

    static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = stripZeros(a.substring(si, i));
                String nb = stripZeros(b.substring(sj, j));
                if (na.length() != nb.length()) {
                    return Integer.compare(na.length(), nb.length());
                }
                int c = na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
