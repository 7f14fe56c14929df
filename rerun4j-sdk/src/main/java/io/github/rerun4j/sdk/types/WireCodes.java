package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** Lookup of Rerun's {@code UInt8} enum codes, shared by the enum types of this package. */
final class WireCodes {

    private WireCodes() {
    }

    static <E extends Enum<E>> Optional<E> tryFind(E[] values, ToIntFunction<E> code, int wanted) {
        for (E e : values) {
            if (code.applyAsInt(e) == wanted) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E>> E find(String field, E[] values, ToIntFunction<E> code, int wanted) {
        return tryFind(values, code, wanted).orElseThrow(() -> new InvalidArgumentException(field,
                Integer.toString(wanted), "one of " + Arrays.stream(values)
                        .map(e -> code.applyAsInt(e) + " (" + e + ")")
                        .collect(Collectors.joining(", "))));
    }

    /** Compares names ignoring case, '_', '-' and spaces: "cyan_to_yellow" matches "CyanToYellow". */
    static String normalizeName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
