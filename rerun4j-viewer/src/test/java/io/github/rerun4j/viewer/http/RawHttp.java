package io.github.rerun4j.viewer.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP for tests: {@link #raw} sends a request line exactly as given (no client normalises {@code ..} or
 * percent escapes away), {@link #get} is a plain GET with the JDK client.
 *
 * <pre>{@code
 * RawHttp.Response r = RawHttp.raw(port, "/%2e%2e/pom.xml");
 * assertThat(r.status()).isEqualTo(404);
 * }</pre>
 */
public final class RawHttp {

    /** A status line's code, and the body as text. */
    public record Response(int status, String body, java.util.Map<String, java.util.List<String>> headers, byte[] bytes) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawHttp() {
    }

    /** Sends {@code GET target HTTP/1.1} verbatim and reads the whole answer. */
    public static Response raw(int port, String target) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            String body = bodyStart < 0 ? "" : new String(all, bodyStart + 4, all.length - bodyStart - 4, StandardCharsets.UTF_8);
            return new Response(status, body, java.util.Map.of(), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code GET target} to {@code address:port} with exactly the given header lines (e.g.
     * {@code "Host: attacker.example:9876"}; no Host is added) and reads the whole answer. For an answer that
     * does not end (an event stream), reads only until the headers are complete.
     */
    public static Response request(String address, int port, String target, String... headerLines) {
        try (Socket socket = new Socket(address, port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] all = readHeadAndBody(socket.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            java.util.Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
            for (String line : text.substring(0, bodyStart < 0 ? text.length() : bodyStart).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                            .add(line.substring(colon + 1).trim());
                }
            }
            String body = bodyStart < 0 ? "" : new String(all, bodyStart + 4, all.length - bodyStart - 4, StandardCharsets.UTF_8);
            return new Response(status, body, headers, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole answer, or for an event stream (never ends) the head and what came with it. */
    private static byte[] readHeadAndBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            String text = out.toString(StandardCharsets.ISO_8859_1);
            if (text.contains("\r\n\r\n") && text.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream")) {
                break;
            }
        }
        return out.toByteArray();
    }

    /**
     * Sends a GET and reads {@code bytes} of the answer, then stops reading, as a hostile script does: the
     * socket stays open and the server's request stays in flight until the caller closes it.
     */
    public static Socket stall(int port, String target, int bytes) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        for (int read = 0; read < bytes; ) {
            int n = in.read(buffer, 0, Math.min(buffer.length, bytes - read));
            if (n < 0) {
                throw new IOException("answer ended after " + read + " bytes");
            }
            read += n;
        }
        return socket;
    }

    /** A GET of {@code url} with the JDK client. */
    public static Response get(String url) {
        return get(url, null);
    }

    /** A GET with an {@code Accept} header (null: none). */
    public static Response get(String url, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
