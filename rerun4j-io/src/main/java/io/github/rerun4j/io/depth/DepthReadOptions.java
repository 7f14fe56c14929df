package io.github.rerun4j.io.depth;

import org.jspecify.annotations.Nullable;

/**
 * What {@link DepthReader} cannot learn from a file: the layout of headerless pixels and which array of an
 * {@code .npz} archive is the depth.
 *
 * @param raw    when set, every file is read as headerless pixels with this layout; {@code .raw/.bin/.dat}
 *               files need it
 * @param npzKey the {@code .npz} member to read ({@code depth} for {@code depth.npy}), or null for the only
 *               (2-D) one
 */
public record DepthReadOptions(@Nullable RawLayout raw, @Nullable String npzKey) {

    /** Everything from the files themselves. */
    public static final DepthReadOptions DEFAULT = new DepthReadOptions(null, null);

    /** Reads every file as headerless pixels with {@code raw}. */
    public DepthReadOptions withRaw(@Nullable RawLayout raw) {
        return new DepthReadOptions(raw, npzKey);
    }

    /** Reads the {@code .npz} member {@code key}. */
    public DepthReadOptions withNpzKey(@Nullable String npzKey) {
        return new DepthReadOptions(raw, npzKey);
    }
}
