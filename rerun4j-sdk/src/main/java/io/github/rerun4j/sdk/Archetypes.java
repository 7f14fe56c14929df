package io.github.rerun4j.sdk;

import io.github.rerun4j.sdk.archetypes.Archetype;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading archetypes back from the chunks of a recording: the public door to the SDK's internal codec. A row
 * holds an archetype when its required components are there with Rerun's exact Arrow types; optional
 * components the row lacks stay unset (no latest-at join: that is the store's work).
 *
 * <pre>{@code
 * Optional<DepthImage> depth = Archetypes.read(chunk, 0, DepthImage.class);
 * depth.ifPresent(d -> System.out.println(d.width() + "x" + d.height()));
 * }</pre>
 */
public final class Archetypes {

    private Archetypes() {
    }

    /** Every archetype the SDK knows that row {@code row} of {@code chunk} holds, in a fixed order. */
    public static List<Archetype> readAll(Chunk chunk, int row) {
        checkRow(chunk, row);
        return ArchetypeCodec.readAll(chunk, row);
    }

    /** The {@code type} archetype in row {@code row} of {@code chunk}, or empty when the row does not hold one. */
    public static <T extends Archetype> Optional<T> read(Chunk chunk, int row, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return readAll(chunk, row).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static void checkRow(Chunk chunk, int row) {
        Objects.requireNonNull(chunk, "chunk");
        if (row < 0 || row >= chunk.rowCount()) {
            throw new InvalidArgumentException("Archetypes.read row", String.valueOf(row), "0 to " + (chunk.rowCount() - 1) + " (the chunk has "
                    + chunk.rowCount() + " rows)");
        }
    }
}
