package io.github.rerun4j.viewer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.viewer.Viewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that try to leave the web root (parent segments, percent-encoded dots and slashes, backslashes,
 * absolute paths, a detour through the WebJar) get 404, never a file from elsewhere on the classpath or disk.
 */
class PathTraversalTest {

    static Viewer viewer;

    @BeforeAll
    static void start() {
        viewer = Viewer.start(Viewer.LOOPBACK, 0);
    }

    @AfterAll
    static void stop() {
        viewer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/../pom.xml",
            "/../../../../etc/passwd",
            "/..%2f..%2f..%2fetc%2fpasswd",
            "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/%2E%2E/ViewerServer.class",
            "/.%2e/ViewerServer.class",
            "/%252e%252e/ViewerServer.class",
            "/../ViewerServer.class",
            "/a/../../ViewerServer.class",
            "/..%5cViewerServer.class",
            "/..\\ViewerServer.class",
            "/app.js%00.html",
            "/%2fetc%2fpasswd",
            "//etc/passwd",
            "/etc/passwd",
            "/io/github/rerun4j/viewer/ViewerServer.class",
            "/webjars/../../etc/passwd",
            "/webjars/../ViewerServer.class",
            "/webjars/three/0.181.1/../../../io/github/rerun4j/viewer/ViewerServer.class",
            "/webjars/three/0.181.1/%2e%2e/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
            "/webjars/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
            "/api/../../etc/passwd",
            "/api/recordings/..%2f..%2fetc",
            "http://127.0.0.1/../etc/passwd",
            "file:///etc/passwd",
    })
    void escapesFromTheWebRootAre404(String target) {
        RawHttp.Response response = RawHttp.raw(viewer.port(), target);

        assertThat(response.status()).as("status of GET %s (body %s)", target, response.body()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("root:").doesNotContain("CAFEBABE").doesNotContain("Manifest-Version")
                .doesNotContain("<artifactId>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app.js", "/index.html", "/webjars/three/0.181.1/build/three.module.js", "/api/recordings"})
    void filesOfThePageStillLoad(String target) {
        assertThat(RawHttp.raw(viewer.port(), target).status()).as(target).isEqualTo(200);
    }
}
