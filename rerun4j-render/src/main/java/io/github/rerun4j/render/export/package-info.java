/**
 * Writers that hand rerun4j's computed data to other tools. Everything writes to a caller-supplied
 * {@link java.io.OutputStream}; opening and closing files is the caller's (the CLI's) business.
 *
 * <pre>{@code
 * PlyWriter.write(cloud, argb, out, false);   // binary PLY for Open3D / MeshLab / CloudCompare; 0xAARRGGBB colours
 * DataframeCsv.write(table, out);             // a dataframe page as RFC 4180 CSV
 * DataframeJson.write(table, out);            // the same as one JSON object (built with JsonWriter)
 * }</pre>
 */
package io.github.rerun4j.render.export;
