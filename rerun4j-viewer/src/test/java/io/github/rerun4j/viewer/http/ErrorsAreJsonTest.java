package io.github.rerun4j.viewer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.viewer.Viewer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error is JSON {@code {"error": ...}} (docs/viewer-api.md), also those Javalin and Jetty answer
 * themselves: no such route or method (Javalin's plain text before), and URI, headers or version that Jetty
 * refuses before routing (HTML pages before).
 */
class ErrorsAreJsonTest {

    static Viewer viewer;

    @BeforeAll
    static void start() {
        viewer = Viewer.start(Viewer.LOOPBACK, 0);
    }

    @AfterAll
    static void stop() {
        viewer.close();
    }

    /** Sends {@code METHOD target VERSION} with a Host and {@code extraHeader} (may be empty); the whole answer. */
    static String send(String method, String target, String version, String extraHeader) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", viewer.port())) {
            socket.setSoTimeout(10_000);
            String request = method + " " + target + " " + version + "\r\nHost: 127.0.0.1:" + viewer.port()
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n" + extraHeader + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource({
            "POST,    /api/recordings,          HTTP/1.1, 404, '',        not found: the server does not serve POST /api/recordings",
            "DELETE,  /api/recordings,          HTTP/1.1, 404, '',        not found: the server does not serve DELETE /api/recordings",
            "GET,     /api/nothing,             HTTP/1.1, 404, '',        not found: the server does not serve GET /api/nothing",
            "GET,     /api/recordings/x/y,      HTTP/1.1, 404, '',        not found: the server does not serve GET /api/recordings/x/y",
            "GET,     /nothing.js,              HTTP/1.1, 404, '',        not found: the server does not serve GET /nothing.js",
            "GET,     /api/recordings?LONG,     HTTP/1.1, 414, '',        414 URI Too Long",
            "GET,     /api/recordings,          HTTP/1.1, 431, BIG,       431 Request Header Fields Too Large",
            "GET,     /api/recordings,          HTTP/9.9, 505, '',        505 HTTP Version Not Supported",
    })
    void errorsAreJsonWithTheirStatus(String method, String target, String version, int status, String header,
                                      String error) throws IOException {
        String answer = send(method, target.replace("LONG", "a".repeat(20_000)), version,
                header.equals("BIG") ? "X-Big: " + "b".repeat(20_000) + "\r\n" : "");

        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer.toLowerCase()).contains("content-type: application/json");
        assertThat(answer).endsWith("{\"error\":\"" + error + "\"}");
    }
}
