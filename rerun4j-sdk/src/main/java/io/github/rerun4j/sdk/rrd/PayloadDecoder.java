package io.github.rerun4j.sdk.rrd;

import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.types.ErrorText;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one message payload (hand-written protobuf, no generated code). Unknown fields are skipped, as protobuf
 * requires; required fields that are missing, wrong wire types and unsupported enum codes are errors. Every
 * low-level failure becomes an {@link RrdFormatException} pointing at the byte where decoding stopped.
 */
final class PayloadDecoder {

    /** Largest decompressed ArrowMsg: the largest Java array. */
    static final int MAX_UNCOMPRESSED_BYTES = Integer.MAX_VALUE - 8;
    /** LZ4 cannot expand data by more than this factor; a larger claim is corruption, not a reason to allocate. */
    static final int MAX_LZ4_RATIO = 255;
    /**
     * Claims above this are checked against what the block decodes to before the output is allocated (a walk
     * costing about half a decompression); smaller ones are allocated as claimed, which a damaged file can make
     * cost at most this much, and the decompressor then rejects a wrong claim.
     */
    static final int SCAN_CLAIMS_ABOVE = 4 << 20;

    private static final int ENCODING_ARROW_IPC = 1;
    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.safeInstance().safeDecompressor();

    private final ByteBuffer payload;
    private final long payloadOffset;
    private final long messageOffset;
    private final String what;
    private final ProtoReader in;
    private Compression compression = Compression.NONE;

    private PayloadDecoder(ByteBuffer payload, long messageOffset, String what) {
        this.payload = payload;
        this.messageOffset = messageOffset;
        this.payloadOffset = messageOffset + 16;
        this.what = what;
        this.in = new ProtoReader(payload);
    }

    /** The decoded message and how its payload was compressed. */
    record Decoded(RrdMessage message, Compression compression) {
    }

    /**
     * Decodes {@code payload} (from index 0 to its limit; an array or a mapped file region: an uncompressed chunk
     * is then a view of it, never a copy).
     */
    static Decoded decode(long kind, ByteBuffer payload, long messageOffset) throws RrdFormatException {
        PayloadDecoder decoder = new PayloadDecoder(payload, messageOffset, kindName(kind) + " message at byte " + messageOffset);
        try {
            RrdMessage message = switch ((int) kind) {
                case (int) RrdMessage.KIND_END -> new RrdMessage.End();  // the footer is only for random access
                case (int) RrdMessage.KIND_SET_STORE_INFO -> decoder.setStoreInfo();
                case (int) RrdMessage.KIND_ARROW_MSG -> decoder.arrowMsg();
                case (int) RrdMessage.KIND_BLUEPRINT_ACTIVATION -> decoder.blueprintActivation();
                default -> throw new IllegalStateException("kind " + kind + " reached the payload decoder");
            };
            return new Decoded(message, decoder.compression);
        } catch (RrdFormatException e) {
            throw e;
        } catch (ProtoReader.MalformedProtobufException e) {
            throw decoder.error("malformed protobuf: " + e.getMessage(), e);
        } catch (LZ4Exception e) {
            throw decoder.error("corrupt LZ4 payload: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | BufferUnderflowException e) {
            // Record validation or a bounds check deeper down: still a property of the input, so still typed.
            throw decoder.error(ErrorText.describe(e), e);
        }
    }

    static String kindName(long kind) {
        return switch ((int) Math.min(kind, 4)) {
            case 0 -> "End";
            case 1 -> "SetStoreInfo";
            case 2 -> "ArrowMsg";
            case 3 -> "BlueprintActivationCommand";
            default -> "kind-" + Long.toUnsignedString(kind);
        };
    }

    private RrdMessage setStoreInfo() throws RrdFormatException, ProtoReader.MalformedProtobufException {
        Tuid rowId = null;
        StoreInfo info = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> rowId = tuid(tag, "SetStoreInfo.row_id");
                case 2 -> info = storeInfo(tag);
                default -> in.skipField(tag);
            }
        }
        return new RrdMessage.SetStoreInfo(required(rowId, "SetStoreInfo.row_id"), required(info, "SetStoreInfo.info"));
    }

    private RrdMessage arrowMsg() throws RrdFormatException, ProtoReader.MalformedProtobufException {
        StoreId storeId = null;
        Tuid chunkId = null;
        Boolean isStatic = null;
        long uncompressedSize = 0;
        int encoding = 0;
        int payloadStart = 0;
        int payloadLength = 0;
        long payloadFieldOffset = payloadOffset;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> storeId = complete(storeId(tag, "ArrowMsg.store_id"), "ArrowMsg.store_id");
                case 2 -> compression = Compression.fromCode(enumValue(tag, "ArrowMsg.compression"));
                case 3 -> {
                    expect(tag, ProtoReader.WIRETYPE_VARINT, "ArrowMsg.uncompressed_size");
                    uncompressedSize = in.readUInt64();
                }
                case 4 -> encoding = enumValue(tag, "ArrowMsg.encoding");
                case 5 -> {
                    expect(tag, ProtoReader.WIRETYPE_LENGTH_DELIMITED, "ArrowMsg.payload");
                    payloadFieldOffset = here();
                    payloadLength = in.readLength();
                    payloadStart = in.position();
                    in.skipRawBytes(payloadLength);  // bounds-checked: fails on a length past the end
                }
                case 6 -> chunkId = tuid(tag, "ArrowMsg.chunk_id");
                case 7 -> {
                    expect(tag, ProtoReader.WIRETYPE_VARINT, "ArrowMsg.is_static");
                    isStatic = in.readBool();
                }
                default -> in.skipField(tag);
            }
        }
        storeId = required(storeId, "ArrowMsg.store_id");
        if (encoding != ENCODING_ARROW_IPC) {
            throw error("unsupported encoding " + encoding + " (expected 1 = Arrow IPC)");
        }
        ByteBuffer ipc = compression == Compression.LZ4
                ? ByteBuffer.wrap(decompress(payloadStart, payloadLength, uncompressedSize, payloadFieldOffset))
                // Uncompressed: a view of the payload, no copy. uncompressed_size is informational here.
                : payload.duplicate().position(payloadStart).limit(payloadStart + payloadLength).slice();
        return new RrdMessage.ArrowMsg(storeId, chunkId, isStatic, ipc);
    }

    private byte[] decompress(int start, int length, long uncompressedSize, long fieldOffset) throws RrdFormatException {
        // uncompressed_size is a u64: a claim of 2^63 or more is a negative long here, hence the unsigned compare.
        if (Long.compareUnsigned(uncompressedSize, (long) MAX_LZ4_RATIO * length) > 0) {
            throw new RrdFormatException(fieldOffset, messageOffset, what + ": claims uncompressed_size " + Long.toUnsignedString(uncompressedSize)
                    + " but LZ4 expands " + length + " compressed bytes to at most " + (long) MAX_LZ4_RATIO * length);
        }
        if (uncompressedSize > MAX_UNCOMPRESSED_BYTES) {
            throw new RrdFormatException(fieldOffset, messageOffset, what + ": uncompressed_size " + uncompressedSize
                    + " exceeds this reader's limit of " + MAX_UNCOMPRESSED_BYTES + " bytes");
        }
        // The LZ4 code reads arrays: the payload's own, or a copy of the compressed bytes of a mapped payload.
        byte[] compressed = compressedBytes(start, length);
        int from = payload.hasArray() ? payload.arrayOffset() + start : 0;
        if (uncompressedSize > SCAN_CLAIMS_ABOVE) {
            checkClaim(compressed, from, start, length, uncompressedSize, fieldOffset);
        }
        byte[] out = new byte[(int) uncompressedSize];
        int produced;
        try {
            produced = LZ4.decompress(compressed, from, length, out, 0, out.length);
        } catch (LZ4Exception e) {
            throw new RrdFormatException(fieldOffset, messageOffset, what + ": corrupt LZ4 payload of " + length
                    + " bytes (uncompressed_size " + uncompressedSize + "): " + e.getMessage(), e);
        }
        if (produced != out.length) {
            throw new RrdFormatException(fieldOffset, messageOffset, what + ": LZ4 payload decompressed to " + produced
                    + " bytes but uncompressed_size says " + uncompressedSize);
        }
        return out;
    }

    /**
     * The compressed bytes as an array for the LZ4 code: the payload's own array when it has one (then they start
     * at {@code arrayOffset() + start}), else a copy of them (starting at 0).
     */
    private byte[] compressedBytes(int start, int length) {
        if (payload.hasArray()) {
            return payload.array();
        }
        byte[] copy = new byte[length];
        payload.duplicate().position(start).get(copy);
        return copy;
    }

    /** Walks the block (no output) and fails unless it decodes to exactly {@code uncompressedSize} bytes. */
    private void checkClaim(byte[] compressed, int from, int start, int length, long uncompressedSize, long fieldOffset)
            throws RrdFormatException {
        long decodable;
        try {
            decodable = Lz4BlockSize.decodedSize(compressed, from, length, MAX_UNCOMPRESSED_BYTES);
        } catch (Lz4BlockSize.MalformedBlockException e) {
            long bad = payloadOffset + start + e.at();
            throw new RrdFormatException(bad, messageOffset, what + ": corrupt LZ4 payload of " + length + " bytes at byte "
                    + bad + ": " + e.getMessage());
        }
        if (decodable != uncompressedSize) {
            // Checked before allocating: a claim the data cannot back must not cost an array of that size.
            throw new RrdFormatException(fieldOffset, messageOffset, what + ": claims uncompressed_size " + uncompressedSize
                    + " but its LZ4 payload of " + length + " bytes decodes to " + decodable + " bytes");
        }
    }

    private RrdMessage blueprintActivation() throws RrdFormatException, ProtoReader.MalformedProtobufException {
        StoreId blueprintId = null;
        boolean makeActive = false;
        boolean makeDefault = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> blueprintId = complete(storeId(tag, "BlueprintActivationCommand.blueprint_id"),
                        "BlueprintActivationCommand.blueprint_id");
                case 2 -> {
                    expect(tag, ProtoReader.WIRETYPE_VARINT, "BlueprintActivationCommand.make_active");
                    makeActive = in.readBool();
                }
                case 3 -> {
                    expect(tag, ProtoReader.WIRETYPE_VARINT, "BlueprintActivationCommand.make_default");
                    makeDefault = in.readBool();
                }
                default -> in.skipField(tag);
            }
        }
        return new RrdMessage.BlueprintActivation(required(blueprintId, "BlueprintActivationCommand.blueprint_id"),
                makeActive, makeDefault);
    }

    private StoreInfo storeInfo(int outerTag) throws RrdFormatException, ProtoReader.MalformedProtobufException {
        expect(outerTag, ProtoReader.WIRETYPE_LENGTH_DELIMITED, "SetStoreInfo.info");
        int limit = in.pushLimit(in.readLength());
        String legacyApplicationId = null;
        PartialStoreId storeId = null;
        StoreSource source = null;
        Integer versionBits = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> legacyApplicationId = applicationId(tag, "StoreInfo.application_id");
                case 2 -> storeId = storeId(tag, "StoreInfo.store_id");
                case 5 -> source = storeSource(tag);
                case 6 -> versionBits = storeVersion(tag);
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        storeId = required(storeId, "StoreInfo.store_id");
        // Files from before 0.25 carry the application id here instead of inside the StoreId.
        if (storeId.applicationId() == null && legacyApplicationId != null) {
            storeId = new PartialStoreId(storeId.kind(), storeId.recordingId(), legacyApplicationId);
        }
        return new StoreInfo(complete(storeId, "StoreInfo.store_id"), required(source, "StoreInfo.store_source"), versionBits);
    }

    /** A StoreId whose application id may still be missing (it may come from a legacy field). */
    private record PartialStoreId(StoreKind kind, String recordingId, @Nullable String applicationId) {
    }

    private StoreId complete(PartialStoreId id, String field) throws RrdFormatException {
        return new StoreId(id.kind(), id.recordingId(), required(id.applicationId(), field + ".application_id"));
    }

    private PartialStoreId storeId(int outerTag, String field) throws RrdFormatException, ProtoReader.MalformedProtobufException {
        expect(outerTag, ProtoReader.WIRETYPE_LENGTH_DELIMITED, field);
        int limit = in.pushLimit(in.readLength());
        StoreKind kind = StoreKind.UNSPECIFIED;
        String recordingId = "";
        String applicationId = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> kind = StoreKind.fromCode(enumValue(tag, field + ".kind"));
                case 2 -> recordingId = string(tag, field + ".recording_id");
                case 3 -> applicationId = applicationId(tag, field + ".application_id");
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return new PartialStoreId(kind, recordingId, applicationId);
    }

    private String applicationId(int outerTag, String field) throws RrdFormatException, ProtoReader.MalformedProtobufException {
        expect(outerTag, ProtoReader.WIRETYPE_LENGTH_DELIMITED, field);
        int limit = in.pushLimit(in.readLength());
        String id = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (ProtoReader.fieldNumber(tag) == 1) {
                id = string(tag, field + ".id");
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return id;
    }

    private StoreSource storeSource(int outerTag) throws RrdFormatException, ProtoReader.MalformedProtobufException {
        expect(outerTag, ProtoReader.WIRETYPE_LENGTH_DELIMITED, "StoreInfo.store_source");
        int limit = in.pushLimit(in.readLength());
        int kind = 0;
        byte[] extra = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> kind = enumValue(tag, "StoreSource.kind");
                case 2 -> {
                    expect(tag, ProtoReader.WIRETYPE_LENGTH_DELIMITED, "StoreSource.extra");
                    int extraLimit = in.pushLimit(in.readLength());
                    extra = new byte[0];  // present, even if its payload is absent
                    for (int t = in.readTag(); t != 0; t = in.readTag()) {
                        if (ProtoReader.fieldNumber(t) == 1) {
                            expect(t, ProtoReader.WIRETYPE_LENGTH_DELIMITED, "StoreSourceExtra.payload");
                            extra = in.readByteArray();
                        } else {
                            in.skipField(t);
                        }
                    }
                    in.popLimit(extraLimit);
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return new StoreSource(kind, extra);
    }

    private Integer storeVersion(int outerTag) throws RrdFormatException, ProtoReader.MalformedProtobufException {
        expect(outerTag, ProtoReader.WIRETYPE_LENGTH_DELIMITED, "StoreInfo.store_version");
        int limit = in.pushLimit(in.readLength());
        int bits = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (ProtoReader.fieldNumber(tag) == 1) {
                expect(tag, ProtoReader.WIRETYPE_VARINT, "StoreVersion.crate_version_bits");
                bits = in.readInt32();
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return bits;
    }

    private Tuid tuid(int outerTag, String field) throws RrdFormatException, ProtoReader.MalformedProtobufException {
        expect(outerTag, ProtoReader.WIRETYPE_LENGTH_DELIMITED, field);
        int limit = in.pushLimit(in.readLength());
        Long timeNs = null;
        Long inc = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> {
                    expect(tag, ProtoReader.WIRETYPE_FIXED64, field + ".time_ns");
                    timeNs = in.readFixed64();
                }
                case 2 -> {
                    expect(tag, ProtoReader.WIRETYPE_FIXED64, field + ".inc");
                    inc = in.readFixed64();
                }
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        // Rerun drops a message whose Tuid lacks either field, even a zero one.
        return new Tuid(required(timeNs, field + ".time_ns"), required(inc, field + ".inc"));
    }

    private String string(int tag, String field) throws RrdFormatException, ProtoReader.MalformedProtobufException {
        expect(tag, ProtoReader.WIRETYPE_LENGTH_DELIMITED, field);
        // Lenient like Rerun's tooling would want: invalid UTF-8 becomes U+FFFD rather than losing the message.
        return new String(in.readByteArray(), StandardCharsets.UTF_8);
    }

    private int enumValue(int tag, String field) throws RrdFormatException, ProtoReader.MalformedProtobufException {
        expect(tag, ProtoReader.WIRETYPE_VARINT, field);
        return in.readEnum();
    }

    private void expect(int tag, int wireType, String field) throws RrdFormatException {
        if (ProtoReader.wireType(tag) != wireType) {
            throw error(field + ": wire type " + ProtoReader.wireType(tag) + ", expected " + wireType);
        }
    }

    private <T> T required(@Nullable T value, String field) throws RrdFormatException {
        if (value == null) {
            throw error("required field " + field + " is missing");
        }
        return value;
    }

    /** Where decoding stands now, as an offset in the input. */
    private long here() {
        return payloadOffset + in.position();
    }

    private RrdFormatException error(String reason) {
        return new RrdFormatException(here(), messageOffset, what + ": " + reason + " (at byte " + here() + ")");
    }

    private RrdFormatException error(String reason, Throwable cause) {
        return new RrdFormatException(here(), messageOffset, what + ": " + reason + " (at byte " + here() + ")", cause);
    }
}
