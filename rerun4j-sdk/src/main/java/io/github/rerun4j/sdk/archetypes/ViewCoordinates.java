package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.Require;
import io.github.rerun4j.sdk.types.ViewDir;

import java.util.EnumSet;
import java.util.Set;

/**
 * How the X, Y and Z axes of an entity's space map to view directions; archetype
 * {@code rerun.archetypes.ViewCoordinates} (one component, {@code ViewCoordinates:xyz}) and also the
 * {@code camera_xyz} component of a {@link Pinhole}. Stored as three bytes (X, Y, Z), each a {@link ViewDir}
 * code: {@code RDF = [3, 2, 5]}.
 *
 * <p>All 48 combinations of three distinct axes have a constant named by their initials ({@link #RDF}:
 * X=Right, Y=Down, Z=Forward, the camera convention and Pinhole's default), plus Rerun's
 * {@code RIGHT_HAND_*} / {@code LEFT_HAND_*} aliases. Rerun's viewer only supports right-handed systems.
 *
 * <pre>{@code
 * ViewCoordinates v = ViewCoordinates.fromName("rub");   // RUB (OpenGL camera)
 * v.isRightHanded();                                    // true
 * v.codes();                                            // {3, 1, 6}
 * }</pre>
 *
 * @param x direction of +X
 * @param y direction of +Y
 * @param z direction of +Z
 */
public record ViewCoordinates(ViewDir x, ViewDir y, ViewDir z) implements Archetype {

    /** Validates that the three directions lie on three different axes. */
    public ViewCoordinates {
        Require.nonNull("ViewCoordinates.x", x);
        Require.nonNull("ViewCoordinates.y", y);
        Require.nonNull("ViewCoordinates.z", z);
        if (x.axis() == y.axis() || x.axis() == z.axis() || y.axis() == z.axis()) {
            throw new InvalidArgumentException("ViewCoordinates", "" + x.letter() + y.letter() + z.letter()
                    + " [" + x + ", " + y + ", " + z + "]",
                    "three directions on three different axes (one of up/down, one of left/right, one of forward/back), e.g. RDF");
        }
    }

    /** X=Up, Y=Right, Z=Forward. */
    public static final ViewCoordinates URF = new ViewCoordinates(ViewDir.UP, ViewDir.RIGHT, ViewDir.FORWARD);
    /** X=Up, Y=Right, Z=Back. */
    public static final ViewCoordinates URB = new ViewCoordinates(ViewDir.UP, ViewDir.RIGHT, ViewDir.BACK);
    /** X=Up, Y=Left, Z=Forward. */
    public static final ViewCoordinates ULF = new ViewCoordinates(ViewDir.UP, ViewDir.LEFT, ViewDir.FORWARD);
    /** X=Up, Y=Left, Z=Back. */
    public static final ViewCoordinates ULB = new ViewCoordinates(ViewDir.UP, ViewDir.LEFT, ViewDir.BACK);
    /** X=Up, Y=Forward, Z=Right. */
    public static final ViewCoordinates UFR = new ViewCoordinates(ViewDir.UP, ViewDir.FORWARD, ViewDir.RIGHT);
    /** X=Up, Y=Forward, Z=Left. */
    public static final ViewCoordinates UFL = new ViewCoordinates(ViewDir.UP, ViewDir.FORWARD, ViewDir.LEFT);
    /** X=Up, Y=Back, Z=Right. */
    public static final ViewCoordinates UBR = new ViewCoordinates(ViewDir.UP, ViewDir.BACK, ViewDir.RIGHT);
    /** X=Up, Y=Back, Z=Left. */
    public static final ViewCoordinates UBL = new ViewCoordinates(ViewDir.UP, ViewDir.BACK, ViewDir.LEFT);
    /** X=Down, Y=Right, Z=Forward. */
    public static final ViewCoordinates DRF = new ViewCoordinates(ViewDir.DOWN, ViewDir.RIGHT, ViewDir.FORWARD);
    /** X=Down, Y=Right, Z=Back. */
    public static final ViewCoordinates DRB = new ViewCoordinates(ViewDir.DOWN, ViewDir.RIGHT, ViewDir.BACK);
    /** X=Down, Y=Left, Z=Forward. */
    public static final ViewCoordinates DLF = new ViewCoordinates(ViewDir.DOWN, ViewDir.LEFT, ViewDir.FORWARD);
    /** X=Down, Y=Left, Z=Back. */
    public static final ViewCoordinates DLB = new ViewCoordinates(ViewDir.DOWN, ViewDir.LEFT, ViewDir.BACK);
    /** X=Down, Y=Forward, Z=Right. */
    public static final ViewCoordinates DFR = new ViewCoordinates(ViewDir.DOWN, ViewDir.FORWARD, ViewDir.RIGHT);
    /** X=Down, Y=Forward, Z=Left. */
    public static final ViewCoordinates DFL = new ViewCoordinates(ViewDir.DOWN, ViewDir.FORWARD, ViewDir.LEFT);
    /** X=Down, Y=Back, Z=Right. */
    public static final ViewCoordinates DBR = new ViewCoordinates(ViewDir.DOWN, ViewDir.BACK, ViewDir.RIGHT);
    /** X=Down, Y=Back, Z=Left. */
    public static final ViewCoordinates DBL = new ViewCoordinates(ViewDir.DOWN, ViewDir.BACK, ViewDir.LEFT);
    /** X=Right, Y=Up, Z=Forward. */
    public static final ViewCoordinates RUF = new ViewCoordinates(ViewDir.RIGHT, ViewDir.UP, ViewDir.FORWARD);
    /** X=Right, Y=Up, Z=Back. */
    public static final ViewCoordinates RUB = new ViewCoordinates(ViewDir.RIGHT, ViewDir.UP, ViewDir.BACK);
    /** X=Right, Y=Down, Z=Forward. */
    public static final ViewCoordinates RDF = new ViewCoordinates(ViewDir.RIGHT, ViewDir.DOWN, ViewDir.FORWARD);
    /** X=Right, Y=Down, Z=Back. */
    public static final ViewCoordinates RDB = new ViewCoordinates(ViewDir.RIGHT, ViewDir.DOWN, ViewDir.BACK);
    /** X=Right, Y=Forward, Z=Up. */
    public static final ViewCoordinates RFU = new ViewCoordinates(ViewDir.RIGHT, ViewDir.FORWARD, ViewDir.UP);
    /** X=Right, Y=Forward, Z=Down. */
    public static final ViewCoordinates RFD = new ViewCoordinates(ViewDir.RIGHT, ViewDir.FORWARD, ViewDir.DOWN);
    /** X=Right, Y=Back, Z=Up. */
    public static final ViewCoordinates RBU = new ViewCoordinates(ViewDir.RIGHT, ViewDir.BACK, ViewDir.UP);
    /** X=Right, Y=Back, Z=Down. */
    public static final ViewCoordinates RBD = new ViewCoordinates(ViewDir.RIGHT, ViewDir.BACK, ViewDir.DOWN);
    /** X=Left, Y=Up, Z=Forward. */
    public static final ViewCoordinates LUF = new ViewCoordinates(ViewDir.LEFT, ViewDir.UP, ViewDir.FORWARD);
    /** X=Left, Y=Up, Z=Back. */
    public static final ViewCoordinates LUB = new ViewCoordinates(ViewDir.LEFT, ViewDir.UP, ViewDir.BACK);
    /** X=Left, Y=Down, Z=Forward. */
    public static final ViewCoordinates LDF = new ViewCoordinates(ViewDir.LEFT, ViewDir.DOWN, ViewDir.FORWARD);
    /** X=Left, Y=Down, Z=Back. */
    public static final ViewCoordinates LDB = new ViewCoordinates(ViewDir.LEFT, ViewDir.DOWN, ViewDir.BACK);
    /** X=Left, Y=Forward, Z=Up. */
    public static final ViewCoordinates LFU = new ViewCoordinates(ViewDir.LEFT, ViewDir.FORWARD, ViewDir.UP);
    /** X=Left, Y=Forward, Z=Down. */
    public static final ViewCoordinates LFD = new ViewCoordinates(ViewDir.LEFT, ViewDir.FORWARD, ViewDir.DOWN);
    /** X=Left, Y=Back, Z=Up. */
    public static final ViewCoordinates LBU = new ViewCoordinates(ViewDir.LEFT, ViewDir.BACK, ViewDir.UP);
    /** X=Left, Y=Back, Z=Down. */
    public static final ViewCoordinates LBD = new ViewCoordinates(ViewDir.LEFT, ViewDir.BACK, ViewDir.DOWN);
    /** X=Forward, Y=Up, Z=Right. */
    public static final ViewCoordinates FUR = new ViewCoordinates(ViewDir.FORWARD, ViewDir.UP, ViewDir.RIGHT);
    /** X=Forward, Y=Up, Z=Left. */
    public static final ViewCoordinates FUL = new ViewCoordinates(ViewDir.FORWARD, ViewDir.UP, ViewDir.LEFT);
    /** X=Forward, Y=Down, Z=Right. */
    public static final ViewCoordinates FDR = new ViewCoordinates(ViewDir.FORWARD, ViewDir.DOWN, ViewDir.RIGHT);
    /** X=Forward, Y=Down, Z=Left. */
    public static final ViewCoordinates FDL = new ViewCoordinates(ViewDir.FORWARD, ViewDir.DOWN, ViewDir.LEFT);
    /** X=Forward, Y=Right, Z=Up. */
    public static final ViewCoordinates FRU = new ViewCoordinates(ViewDir.FORWARD, ViewDir.RIGHT, ViewDir.UP);
    /** X=Forward, Y=Right, Z=Down. */
    public static final ViewCoordinates FRD = new ViewCoordinates(ViewDir.FORWARD, ViewDir.RIGHT, ViewDir.DOWN);
    /** X=Forward, Y=Left, Z=Up. */
    public static final ViewCoordinates FLU = new ViewCoordinates(ViewDir.FORWARD, ViewDir.LEFT, ViewDir.UP);
    /** X=Forward, Y=Left, Z=Down. */
    public static final ViewCoordinates FLD = new ViewCoordinates(ViewDir.FORWARD, ViewDir.LEFT, ViewDir.DOWN);
    /** X=Back, Y=Up, Z=Right. */
    public static final ViewCoordinates BUR = new ViewCoordinates(ViewDir.BACK, ViewDir.UP, ViewDir.RIGHT);
    /** X=Back, Y=Up, Z=Left. */
    public static final ViewCoordinates BUL = new ViewCoordinates(ViewDir.BACK, ViewDir.UP, ViewDir.LEFT);
    /** X=Back, Y=Down, Z=Right. */
    public static final ViewCoordinates BDR = new ViewCoordinates(ViewDir.BACK, ViewDir.DOWN, ViewDir.RIGHT);
    /** X=Back, Y=Down, Z=Left. */
    public static final ViewCoordinates BDL = new ViewCoordinates(ViewDir.BACK, ViewDir.DOWN, ViewDir.LEFT);
    /** X=Back, Y=Right, Z=Up. */
    public static final ViewCoordinates BRU = new ViewCoordinates(ViewDir.BACK, ViewDir.RIGHT, ViewDir.UP);
    /** X=Back, Y=Right, Z=Down. */
    public static final ViewCoordinates BRD = new ViewCoordinates(ViewDir.BACK, ViewDir.RIGHT, ViewDir.DOWN);
    /** X=Back, Y=Left, Z=Up. */
    public static final ViewCoordinates BLU = new ViewCoordinates(ViewDir.BACK, ViewDir.LEFT, ViewDir.UP);
    /** X=Back, Y=Left, Z=Down. */
    public static final ViewCoordinates BLD = new ViewCoordinates(ViewDir.BACK, ViewDir.LEFT, ViewDir.DOWN);

    /** X=Up, Y=Right, Z=Forward. */
    public static final ViewCoordinates RIGHT_HAND_X_UP = URF;
    /** X=Down, Y=Right, Z=Back. */
    public static final ViewCoordinates RIGHT_HAND_X_DOWN = DRB;
    /** X=Right, Y=Up, Z=Back. */
    public static final ViewCoordinates RIGHT_HAND_Y_UP = RUB;
    /** X=Right, Y=Down, Z=Forward. */
    public static final ViewCoordinates RIGHT_HAND_Y_DOWN = RDF;
    /** X=Right, Y=Forward, Z=Up. */
    public static final ViewCoordinates RIGHT_HAND_Z_UP = RFU;
    /** X=Right, Y=Back, Z=Down. */
    public static final ViewCoordinates RIGHT_HAND_Z_DOWN = RBD;
    /** X=Up, Y=Right, Z=Back. */
    public static final ViewCoordinates LEFT_HAND_X_UP = URB;
    /** X=Down, Y=Right, Z=Forward. */
    public static final ViewCoordinates LEFT_HAND_X_DOWN = DRF;
    /** X=Right, Y=Up, Z=Forward. */
    public static final ViewCoordinates LEFT_HAND_Y_UP = RUF;
    /** X=Right, Y=Down, Z=Back. */
    public static final ViewCoordinates LEFT_HAND_Y_DOWN = RDB;
    /** X=Right, Y=Back, Z=Up. */
    public static final ViewCoordinates LEFT_HAND_Z_UP = RBU;
    /** X=Right, Y=Forward, Z=Down. */
    public static final ViewCoordinates LEFT_HAND_Z_DOWN = RFD;

    /** From the three wire codes (X, Y, Z), e.g. {@code fromCodes(3, 2, 5)} = RDF. */
    public static ViewCoordinates fromCodes(int x, int y, int z) {
        return new ViewCoordinates(ViewDir.fromCode(x), ViewDir.fromCode(y), ViewDir.fromCode(z));
    }

    /** From three initials, case-insensitive: {@code "RDF"}, {@code "flu"}. */
    public static ViewCoordinates fromName(String name) {
        Require.nonNull("ViewCoordinates.name", name);
        if (name.length() != 3) {
            throw new InvalidArgumentException("ViewCoordinates.name", '"' + name + '"',
                    "three letters from U, D, R, L, F, B, e.g. \"RDF\"");
        }
        return new ViewCoordinates(ViewDir.fromLetter(name.charAt(0)), ViewDir.fromLetter(name.charAt(1)),
                ViewDir.fromLetter(name.charAt(2)));
    }

    /** The three wire codes {X, Y, Z}. */
    public int[] codes() {
        return new int[] {x.code(), y.code(), z.code()};
    }

    /** The initials, e.g. {@code "RDF"}. */
    public String name() {
        return "" + x.letter() + y.letter() + z.letter();
    }

    /** True for right-handed systems (the only kind Rerun's viewer supports). */
    public boolean isRightHanded() {
        // Columns are the unit vectors of X, Y, Z in the (Right, Up, Back) basis; the sign of the determinant
        // is the permutation's parity times the product of the signs.
        int[] axis = {x.axis(), y.axis(), z.axis()};
        int inversions = (axis[0] > axis[1] ? 1 : 0) + (axis[0] > axis[2] ? 1 : 0) + (axis[1] > axis[2] ? 1 : 0);
        int sign = x.sign() * y.sign() * z.sign() * (inversions % 2 == 0 ? 1 : -1);
        return sign > 0;
    }

    /** All 48 valid combinations. */
    public static Set<String> allNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (ViewDir a : EnumSet.allOf(ViewDir.class)) {
            for (ViewDir b : EnumSet.allOf(ViewDir.class)) {
                for (ViewDir c : EnumSet.allOf(ViewDir.class)) {
                    if (a.axis() != b.axis() && a.axis() != c.axis() && b.axis() != c.axis()) {
                        names.add("" + a.letter() + b.letter() + c.letter());
                    }
                }
            }
        }
        return names;
    }

    @Override
    public String archetypeName() {
        return "rerun.archetypes.ViewCoordinates";
    }

    /** The initials, e.g. {@code "RDF"}. */
    @Override
    public String toString() {
        return name();
    }
}
