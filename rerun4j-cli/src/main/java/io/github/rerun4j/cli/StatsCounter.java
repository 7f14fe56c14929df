package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.internal.batch.ChunkRows;
import io.github.rerun4j.sdk.rrd.Compression;
import io.github.rerun4j.sdk.rrd.RrdMessage;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of {@code stats} for one file: per store, per entity and per component, never per chunk, so memory
 * grows with the number of entities and components, not with the file.
 */
final class StatsCounter {

    /** Counts of chunk messages: the ones of a store, of an entity. */
    static final class Payloads {
        long chunks;
        long rows;
        /** ArrowMsg payload bytes as stored in the file (compressed or not). */
        long diskBytes;
        /** Arrow IPC bytes after decompression. */
        long ipcBytes;
        long lz4;
        long uncompressed;

        void add(Chunk chunk, RrdRecord record) {
            chunks++;
            rows += chunk.rowCount();
            // The 16-byte message header is framing, not payload.
            diskBytes += record.framedLength() - 16;
            if (record.message() instanceof RrdMessage.ArrowMsg arrow) {
                ipcBytes += arrow.ipc().remaining();
            }
            if (record.payloadCompression() == Compression.LZ4) {
                lz4++;
            } else {
                uncompressed++;
            }
        }
    }

    /** One component of an entity. */
    static final class Component {
        long chunks;
        /** Rows in which the component was logged (not null). */
        long rows;
        /** Bytes of the column's Arrow buffers (offsets, validity and values), uncompressed. */
        long dataBytes;
    }

    /** One entity of a store. */
    static final class Entity {
        final Payloads payloads = new Payloads();
        final Map<String, Component> components = new TreeMap<>();
    }

    /** One store. */
    static final class Store {
        final Payloads payloads = new Payloads();
        final Map<String, Entity> entities = new TreeMap<>();
    }

    final Map<StoreId, Store> stores = new LinkedHashMap<>();
    final Payloads total = new Payloads();

    /** Counts one chunk read from {@code record}. */
    void add(StoreId store, Chunk chunk, RrdRecord record) {
        Store s = stores.computeIfAbsent(store, k -> new Store());
        s.payloads.add(chunk, record);
        total.add(chunk, record);
        Entity e = s.entities.computeIfAbsent(chunk.entityPath(), k -> new Entity());
        e.payloads.add(chunk, record);
        for (ComponentColumn column : chunk.components()) {
            Component c = e.components.computeIfAbsent(column.descriptor().component(), k -> new Component());
            c.chunks++;
            c.rows += column.rowCount() - column.lists().nullCount();
            c.dataBytes += ChunkRows.arrayBytes(column.lists());
        }
    }

    /** Notes a store that has no chunks (yet): a store info alone. */
    void store(StoreId store) {
        stores.computeIfAbsent(store, k -> new Store());
    }
}
