package io.github.rerun4j.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.InvalidArgumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who may talk to the proxy: its own host names only, CORS for pages of this machine only; a taken port. */
@Timeout(60)
class ProxyAccessTest {

    static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    out.write(buf, 0, n);
                    String text = out.toString(StandardCharsets.ISO_8859_1);
                    if (text.contains("\r\n\r\n") && (text.contains("content-length: 0") || text.endsWith("\n") && !text.endsWith("\r\n\r\n") || text.contains("invalid"))) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException enough) {
                // keep-alive connection: what arrived is the answer
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static String read(int port, String host, String origin) throws IOException {
        return exchange(port, "POST /rerun.sdk_comms.v1alpha1.MessageProxyService/ReadMessages HTTP/1.1\r\nHost: " + host
                + "\r\ncontent-type: application/grpc-web+proto\r\nx-grpc-web: 1\r\n"
                + (origin != null ? "Origin: " + origin + "\r\n" : "") + "content-length: 5\r\nconnection: close\r\n\r\n\0\0\0\0\0");
    }

    @Test
    void aForeignHostIs421AndAForeignPageIs403() throws IOException {
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults())) {
            int port = proxy.port();
            assertThat(read(port, "attacker.example:" + port, null)).startsWith("HTTP/1.1 421").contains("invalid Host 'attacker.example:");
            assertThat(read(port, "127.0.0.1:" + port, "http://attacker.example")).startsWith("HTTP/1.1 403")
                    .contains("invalid Origin 'http://attacker.example'");
        }
    }

    @Test
    void corsAnswersPagesOfThisMachineOnly() throws IOException {
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults())) {
            int port = proxy.port();
            String preflight = "OPTIONS /rerun.sdk_comms.v1alpha1.MessageProxyService/ReadMessages HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type,x-grpc-web\r\n"
                    + "connection: close\r\nOrigin: ";
            String local = exchange(port, preflight + "http://localhost:9090\r\n\r\n").toLowerCase();
            assertThat(local).startsWith("http/1.1 200").contains("access-control-allow-origin: http://localhost:9090")
                    .contains("access-control-allow-credentials: true").contains("access-control-allow-methods: post")
                    .contains("x-grpc-web");
            String foreign = exchange(port, preflight + "http://attacker.example\r\n\r\n").toLowerCase();
            assertThat(foreign).doesNotContain("access-control-allow-origin");
        }
    }

    @Test
    void aTakenPortSaysSoAndSuggestsConnecting() throws IOException {
        try (ProxyServer first = ProxyServerTest.start(ProxyServerOptions.defaults())) {
            int port = first.port();
            assertThatThrownBy(() -> ProxyServer.start(ProxyServerOptions.defaults().withPort(port)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("port " + port + " on 127.0.0.1 is taken")
                    .hasMessageContaining("rerun+http://127.0.0.1:" + port + "/proxy");
        }
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> ProxyServerOptions.defaults().withPort(70000)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("port").hasMessageContaining("70000");
        assertThatThrownBy(() -> ProxyServerOptions.defaults().withMemoryLimitBytes(-1)).hasMessageContaining("memoryLimitBytes");
        assertThatThrownBy(() -> ProxyServer.start(ProxyServerOptions.defaults().withBind("no-such-host.invalid")))
                .isInstanceOf(IOException.class).hasMessageContaining("bind address 'no-such-host.invalid' does not resolve");
    }
}
