/**
 * The {@code .rrd} container format of Rerun 0.33: the 12-byte stream header, framed protobuf messages
 * ({@link io.github.rerun4j.sdk.rrd.RrdMessage}), LZ4-compressed Arrow payloads, and the optional End marker.
 *
 * <p>Writing: {@link io.github.rerun4j.sdk.rrd.RrdEncoder} turns messages into complete byte segments for a sink
 * (zero-copy for uncompressed Arrow payloads). Reading: {@link io.github.rerun4j.sdk.rrd.RrdReader} walks a file
 * message by message and reports damage as one {@link io.github.rerun4j.sdk.rrd.RrdFormatException} with its offset.
 *
 * <pre>{@code
 * try (FileChannel out = FileChannel.open(path, CREATE, WRITE, TRUNCATE_EXISTING)) {
 *     out.write(ByteBuffer.wrap(RrdEncoder.streamHeader(false)));
 *     RrdEncoder.encode(new RrdMessage.SetStoreInfo(Tuid.next(), StoreInfo.of(storeId))).writeTo(out);
 * }
 * List<RrdRecord> records = RrdReader.readAll(path);
 * }</pre>
 *
 * <p>The Arrow IPC bytes inside ArrowMsgs are not interpreted here.
 */
@NullMarked
package io.github.rerun4j.sdk.rrd;

import org.jspecify.annotations.NullMarked;
