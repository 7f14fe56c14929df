package io.github.rerun4j.sdk.types;

import java.util.Optional;

/**
 * One axis direction of a {@code ViewCoordinates} ({@code rerun.components.ViewCoordinates} byte).
 *
 * <pre>{@code
 * ViewDir.RIGHT.code();      // 3
 * ViewDir.fromLetter('F');   // FORWARD
 * }</pre>
 */
public enum ViewDir {
    /** Up. */
    UP(1, 'U'),
    /** Down. */
    DOWN(2, 'D'),
    /** Right. */
    RIGHT(3, 'R'),
    /** Left. */
    LEFT(4, 'L'),
    /** Forward. */
    FORWARD(5, 'F'),
    /** Back. */
    BACK(6, 'B');

    private final int code;
    private final char letter;

    ViewDir(int code, char letter) {
        this.code = code;
        this.letter = letter;
    }

    /** The {@code UInt8} wire code. */
    public int code() {
        return code;
    }

    /** The first letter used in names like {@code RDF}. */
    public char letter() {
        return letter;
    }

    /** Which of the three physical axes (0 left/right, 1 up/down, 2 forward/back) this direction lies on. */
    public int axis() {
        return switch (this) {
            case LEFT, RIGHT -> 0;
            case UP, DOWN -> 1;
            case FORWARD, BACK -> 2;
        };
    }

    /** +1 for RIGHT, UP, BACK; -1 for LEFT, DOWN, FORWARD (so that RUB is the identity basis). */
    public int sign() {
        return switch (this) {
            case RIGHT, UP, BACK -> 1;
            case LEFT, DOWN, FORWARD -> -1;
        };
    }

    /** Returns the direction with this wire code; throws {@code InvalidArgumentException} for unknown codes. */
    public static ViewDir fromCode(int code) {
        return WireCodes.find("ViewDir.code", values(), ViewDir::code, code);
    }

    /** Lenient lookup for readers: empty for unknown codes. */
    public static Optional<ViewDir> tryFromCode(int code) {
        return WireCodes.tryFind(values(), ViewDir::code, code);
    }

    /** Parses one of {@code U D R L F B} (case-insensitive). */
    public static ViewDir fromLetter(char letter) {
        char up = Character.toUpperCase(letter);
        for (ViewDir d : values()) {
            if (d.letter == up) {
                return d;
            }
        }
        throw new io.github.rerun4j.sdk.InvalidArgumentException("ViewDir.letter", "'" + letter + "'",
                "one of U, D, R, L, F, B");
    }
}
