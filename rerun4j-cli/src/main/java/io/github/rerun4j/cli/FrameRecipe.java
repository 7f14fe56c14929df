package io.github.rerun4j.cli;

import io.github.rerun4j.io.colour.ColourReader;
import io.github.rerun4j.io.depth.DepthReadOptions;
import io.github.rerun4j.io.depth.DepthReader;
import io.github.rerun4j.io.depth.DepthUnit;
import io.github.rerun4j.io.depth.Disparity;
import io.github.rerun4j.sdk.archetypes.Archetype;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How {@code import} turns one frame's files into archetypes, on a worker thread: read the depth, turn
 * disparity into depth, set the meter, compress (RVL/PNG), read the colour image. Everything costly happens
 * here, so that it runs on all cores; the writing thread only logs.
 *
 * @param read         how to read depth files (raw layout, npz key)
 * @param unit         the depth unit given, or null for the datatype's default (integers mm, floats m)
 * @param disparity    set when the depth files hold disparity
 * @param compression  how depth is written
 * @param decodeColour colour as decoded pixels rather than the file's own bytes
 */
record FrameRecipe(DepthReadOptions read, @Nullable DepthUnit unit, @Nullable Disparity disparity,
                   ImportCompression compression, boolean decodeColour) {

    /** One frame's files. */
    record Frame(long time, Path depth, @Nullable Path colour) {
    }

    /** What the writer logs, and what the summary reports. */
    record Prepared(Archetype depth, @Nullable Archetype colour, int width, int height, ChannelDatatype datatype,
                    double meter, String unitName, long bytes) {
    }

    Prepared prepare(Frame frame) throws IOException {
        long bytes = Files.size(frame.depth());
        DepthImage depth = DepthReader.read(frame.depth(), read);
        String unitName;
        double meter;
        if (disparity != null) {
            depth = disparity.toDepth(depth);
            meter = 1;
            unitName = "m (from disparity)";
        } else if (unit != null) {
            meter = unit.meter();
            unitName = unit.name();
        } else if (depth.datatype().isFloat()) {
            meter = 1;
            unitName = "m (the default for float depth)";
        } else {
            meter = 1000;
            unitName = "mm (the default for integer depth)";
        }
        ChannelDatatype datatype = depth.datatype();
        depth = depth.withMeter(meter);
        Archetype written = switch (compression) {
            case LZ4, NONE -> depth;
            case RVL, PNG -> {
                if (datatype != ChannelDatatype.U16) {
                    throw CliException.usage("--compress " + compression.label() + " needs unsigned 16-bit depth; "
                            + frame.depth() + " holds " + datatype + ": use --compress lz4 or none");
                }
                yield compression == ImportCompression.RVL ? EncodedDepthImage.rvl(depth) : EncodedDepthImage.png(depth);
            }
        };
        Archetype colour = null;
        if (frame.colour() != null) {
            bytes += Files.size(frame.colour());
            colour = decodeColour ? ColourReader.decoded(frame.colour()) : ColourReader.encoded(frame.colour());
        }
        return new Prepared(written, colour, depth.width(), depth.height(), datatype, meter, unitName, bytes);
    }
}
