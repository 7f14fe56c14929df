package io.github.rerun4j.sdk.rrd;

/**
 * The exact size an LZ4 block decodes to, found by walking its sequences without producing any output. A file
 * states how large its compressed payload becomes ({@code uncompressed_size}); checking that claim against this
 * before allocating means a damaged or hostile claim costs a scan of bytes already in memory, never an array
 * the data cannot fill (LZ4's 255:1 bound alone would still let an 8 MB payload claim 2 GB).
 *
 * <p>The walk checks what it must to count (lengths within the block, match offsets within the output so far);
 * the decompressor that runs afterwards stays the authority on everything else.
 */
final class Lz4BlockSize {

    private Lz4BlockSize() {
    }

    /** The block cannot be decoded; {@code at} is the index, relative to the block's start, of the first bad byte. */
    static final class MalformedBlockException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int at;

        MalformedBlockException(int at, String reason) {
            super(reason, null, false, false);  // no stack trace: this is a verdict on data, not a bug
            this.at = at;
        }

        int at() {
            return at;
        }
    }

    /**
     * The number of bytes {@code src[off, off + len)} decodes to.
     *
     * @param limit the largest size accepted; a block that decodes to more fails at the sequence that passes it
     * @throws MalformedBlockException at the first byte that cannot belong to a block, or past {@code limit}
     */
    static long decodedSize(byte[] src, int off, int len, long limit) throws MalformedBlockException {
        if (len == 0) {
            throw new MalformedBlockException(0, "an empty LZ4 block (even no data compresses to one token byte)");
        }
        int end = off + len;
        int p = off;
        long out = 0;
        while (true) {
            if (p >= end) {
                throw new MalformedBlockException(p - off, "the block ends where a sequence token was expected");
            }
            int token = src[p++] & 0xFF;
            long literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    if (p >= end) {
                        throw new MalformedBlockException(p - off, "a literal length runs past the end of the block");
                    }
                    b = src[p++] & 0xFF;
                    literals += b;
                } while (b == 255);
            }
            if (literals > end - p) {
                throw new MalformedBlockException(p - off, literals + " literal bytes announced, only " + (end - p)
                        + " left in the block");
            }
            p += (int) literals;
            out += literals;
            if (p == end) {
                break;  // the last sequence is literals only
            }
            if (end - p < 2) {
                throw new MalformedBlockException(p - off, "a match offset is cut off by the end of the block");
            }
            int offset = (src[p] & 0xFF) | (src[p + 1] & 0xFF) << 8;
            if (offset == 0 || offset > out) {
                throw new MalformedBlockException(p - off, "match offset " + offset + " points before the start of "
                        + "the output (" + out + " bytes decoded so far)");
            }
            p += 2;
            long match = token & 15;
            if (match == 15) {
                int b;
                do {
                    if (p >= end) {
                        throw new MalformedBlockException(p - off, "a match length runs past the end of the block");
                    }
                    b = src[p++] & 0xFF;
                    match += b;
                } while (b == 255);
            }
            out += match + 4;
            if (out > limit) {
                throw new MalformedBlockException(p - off, "the block decodes to more than " + limit + " bytes");
            }
        }
        if (out > limit) {
            throw new MalformedBlockException(len, "the block decodes to more than " + limit + " bytes");
        }
        return out;
    }
}
