package io.github.rerun4j.grpc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code ReadMessages} reader written from Rerun's protocol description alone, independent of Armeria, grpc-java
 * and {@link LogMsgCodec}: what the web viewer does, byte for byte, over a plain socket. HTTP/1.1 POST with
 * {@code content-type: application/grpc-web+proto}, {@code x-grpc-web: 1}, an {@code Origin}, body
 * {@code 00 00 00 00 00}; the response is chunked, a sequence of frames {@code flag u32be length payload}, flag 0
 * for a message, {@code 0x80} for the trailers as header text.
 */
final class GrpcWebReader implements Closeable {

    /** One frame: a message ({@code trailers == null}) or the trailers. */
    record Frame(byte[] message, String trailers) {
    }

    private final Socket socket;
    private final InputStream in;
    private int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    private InputStream body;
    private long chunkLeft;
    private boolean lastChunk;

    GrpcWebReader(int port, String origin) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        String request = "POST /rerun.sdk_comms.v1alpha1.MessageProxyService/ReadMessages HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "content-type: application/grpc-web+proto\r\n"
                + "accept: application/grpc-web+proto\r\n"
                + "x-grpc-web: 1\r\n"
                + (origin != null ? "Origin: " + origin + "\r\n" : "")
                + "content-length: 5\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.write(new byte[5]);
        out.flush();
        in = new BufferedInputStream(socket.getInputStream());
    }

    /**
     * The response's status, reading the status line and headers first if need be (Armeria sends them with the
     * first message, or with the trailers of an error).
     */
    int status() throws IOException {
        if (status == 0) {
            String statusLine = line();
            status = Integer.parseInt(statusLine.split(" ")[1]);
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        return status;
    }

    /** The next frame, or null when the response ended. */
    Frame next() throws IOException {
        if (status() != 200) {
            throw new IOException("HTTP " + status + " " + headers);
        }
        byte[] head = readBody(5);
        if (head == null) {
            return null;
        }
        int length = ((head[1] & 0xFF) << 24) | ((head[2] & 0xFF) << 16) | ((head[3] & 0xFF) << 8) | (head[4] & 0xFF);
        byte[] payload = readBody(length);
        if (payload == null) {
            throw new EOFException("frame of " + length + " bytes cut off");
        }
        if ((head[0] & 0x80) != 0) {
            return new Frame(null, new String(payload, StandardCharsets.ISO_8859_1));
        }
        return new Frame(payload, null);
    }

    /** Exactly n bytes of the (de-chunked) body, or null at its clean end. */
    private byte[] readBody(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        while (out.size() < n) {
            if (headers.containsKey("content-length")) {
                if (body == null) {
                    body = in;
                    chunkLeft = Long.parseLong(headers.get("content-length"));
                }
                if (chunkLeft == 0) {
                    return out.size() == 0 ? null : fail(out.size(), n);
                }
            } else {
                if (chunkLeft == 0) {
                    if (lastChunk) {
                        return out.size() == 0 ? null : fail(out.size(), n);
                    }
                    if (body != null) {
                        line();  // CRLF after the previous chunk
                    }
                    body = in;
                    chunkLeft = Long.parseLong(line().split(";")[0].trim(), 16);
                    if (chunkLeft == 0) {
                        lastChunk = true;
                        line();
                        continue;
                    }
                }
            }
            byte[] buf = new byte[(int) Math.min(chunkLeft, n - out.size())];
            int r = in.read(buf);
            if (r < 0) {
                return out.size() == 0 ? null : fail(out.size(), n);
            }
            out.write(buf, 0, r);
            chunkLeft -= r;
        }
        return out.toByteArray();
    }

    private static byte[] fail(int got, int wanted) throws EOFException {
        throw new EOFException("response ended after " + got + " of " + wanted + " bytes");
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed in a header line");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
