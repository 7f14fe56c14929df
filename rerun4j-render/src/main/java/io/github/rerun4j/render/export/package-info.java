/**
 * Writers that hand rerun4j's computed data to other tools. Everything writes to a caller-supplied
 * {@link java.io.OutputStream}; opening and closing files is the caller's (the CLI's) business.
 *
 * <pre>{@code
 * PlyWriter.write(cloud, colors, out, false);   // binary PLY for Open3D / MeshLab / CloudCompare
 * }</pre>
 */
package io.github.rerun4j.render.export;
