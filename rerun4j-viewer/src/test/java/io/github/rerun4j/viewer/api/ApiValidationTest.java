package io.github.rerun4j.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.viewer.TestRecordings;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every API parameter is checked before anything is looked up: malformed is 400 naming parameter, value and
 * expectation (even for a recording that does not exist), unknown recording or entity is 404.
 */
class ApiValidationTest {

    @TempDir
    static Path dir;

    static Viewer viewer;
    static String rec;

    @BeforeAll
    static void start() throws Exception {
        viewer = TestRecordings.viewing(dir, 5);
        rec = viewer.hub().recordings().get(0).key();
    }

    @AfterAll
    static void stop() {
        viewer.close();
    }

    static RawHttp.Response get(String pathAndQuery) {
        return RawHttp.get(viewer.url().resolve(pathAndQuery.replace("{rec}", rec)).toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // route                                                              | status | the error names
            "/api/recordings/{rec}/image                                          | 400 | missing parameter entity",
            "/api/recordings/{rec}/image?entity=                                  | 400 | missing parameter entity",
            "/api/recordings/{rec}/hover?entity=/cam/depth&y=1                    | 400 | missing parameter x",
            "/api/recordings/{rec}/hover?entity=/cam/depth&x=one&y=1              | 400 | invalid x 'one': expected a 32-bit integer",
            "/api/recordings/{rec}/hover?entity=/cam/depth&x=1.5&y=1              | 400 | invalid x '1.5': expected a 32-bit integer",
            "/api/recordings/{rec}/hover?entity=/cam/depth&x=1&y=99999999999      | 400 | invalid y '99999999999': expected a 32-bit integer",
            "/api/recordings/{rec}/scene?timeline=frame&time=soon                 | 400 | invalid time 'soon': expected a 64-bit integer",
            "/api/recordings/{rec}/scene?timeline=frame&time=1e3                  | 400 | invalid time '1e3': expected a 64-bit integer",
            "/api/recordings/{rec}/scene?timeline=frame&time=99999999999999999999 | 400 | invalid time '99999999999999999999'",
            "/api/recordings/{rec}/scene?time=3                                   | 400 | invalid time '3': expected no time without a timeline",
            "/api/recordings/{rec}/scene?timeline=frames&time=3                   | 400 | invalid timeline 'frames': expected one of [",
            "/api/recordings/{rec}/image?entity=/cam/depth&timeline=nope          | 400 | invalid timeline 'nope'",
            // malformed beats unknown: the recording does not exist, the parameter is still what is wrong
            "/api/recordings/nosuch/hover?entity=/cam/depth&x=a&y=1               | 400 | invalid x 'a'",
            "/api/recordings/nosuch/scene?timeline=frame&time=x                   | 400 | invalid time 'x'",
            "/api/recordings/nosuch/image                                         | 400 | missing parameter entity",
            // well-formed but absent
            "/api/recordings/nosuch                                               | 404 | no recording nosuch",
            "/api/recordings/nosuch/scene                                         | 404 | no recording nosuch",
            "/api/recordings/nosuch/scene?timeline=nope                           | 404 | no recording nosuch",
            "/api/recordings/{rec}/image?entity=/nothing&timeline=frame           | 404 | no entity /nothing",
            "/api/recordings/{rec}/image?entity=/cam/depth&timeline=frame&time=-5 | 404 | no depth image on /cam/depth at this time",
            "/api/recordings/{rec}/image?entity=/cam/depth&timeline=frame&time=2&row=0000 | 404 | row 0000 is not the depth image",
            "/api/recordings/{rec}/hover?entity=/cam/depth&x=1&y=1                | 404 | no depth image on /cam/depth",
    })
    void badRequestsNameWhatIsWrong(String route, int status, String error) {
        RawHttp.Response response = get(route);

        assertThat(response.status()).as("%s: %s", route, response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).startsWith("{\"error\":").contains(error.replace("{rec}", rec));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // parameters are checked before the recording is looked up, on every route
            "/api/recordings/nosuch/times                                    | 400 | missing parameter timeline",
            "/api/recordings/nosuch/times?timeline=frame&after=x             | 400 | invalid after 'x'",
            "/api/recordings/nosuch/dataframe?offset=-1                      | 400 | invalid offset '-1'",
            "/api/recordings/nosuch/dataframe?limit=many                     | 400 | invalid limit 'many'",
            "/api/recordings/nosuch/dataframe.csv?entity=/a%zz               | 400 | invalid entity '/a%zz'",
            // integers are ASCII digits with an optional minus: no plus, no spaces, no other scripts' digits
            "/api/recordings/{rec}/scene?timeline=frame&time=%2B1             | 400 | invalid time '+1': expected a 64-bit integer",
            "/api/recordings/{rec}/scene?timeline=frame&time=+1               | 400 | invalid time ' 1': expected a 64-bit integer",
            "/api/recordings/{rec}/scene?timeline=frame&time=%20%201          | 400 | invalid time '  1'",
            "/api/recordings/{rec}/scene?timeline=frame&time=%D9%A1           | 400 | invalid time '\u0661'",
            "/api/recordings/{rec}/hover?entity=/cam/depth&x=%EF%BC%91&y=1    | 400 | invalid x '\uff11'",
            "/api/recordings/{rec}/dataframe?offset=%2B5                      | 400 | invalid offset '+5'",
            // broken percent-encoding is an error, not a different value
            "/api/recordings/{rec}/scene?timeline=frame&time=%zz              | 400 | invalid time '%zz': expected percent-encoded UTF-8",
            "/api/recordings/{rec}/scene?timeline=frame&time=1%               | 400 | invalid time '1%': expected percent-encoded UTF-8",
            "/api/recordings/{rec}/image?entity=/cam/%E0%A4                   | 400 | invalid entity '/cam/%E0%A4': expected percent-encoded UTF-8",
            "/api/recordings/{rec}/times?timeline=fr%GGame                    | 400 | invalid timeline 'fr%GGame'",
            "/api/recordings?a%ZZ=1                                           | 400 | invalid parameter name 'a%ZZ'",
    })
    void malformedParametersAre400BeforeAnyLookup(String target, int status, String error) {
        RawHttp.Response response = RawHttp.raw(viewer.port(), target.replace("{rec}", rec));

        assertThat(response.status()).as("%s: %s", target, response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith("{\"error\":")
                .contains(error);
    }

    @Test
    void hugeAndNegativeValuesThatParseAreAnsweredNotFailed() {
        assertThat(get("/api/recordings/{rec}/scene?timeline=frame&time=" + Long.MAX_VALUE).status()).isEqualTo(200);
        assertThat(get("/api/recordings/{rec}/scene?timeline=frame&time=" + Long.MIN_VALUE).body())
                .contains("\"depthImages\":[]");
        RawHttp.Response outside = get("/api/recordings/{rec}/hover?entity=/cam/depth&timeline=frame&time=4&x=-1&y="
                + Integer.MAX_VALUE);
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.body()).contains("\"lines\":[]");
    }

    @Test
    void theImageRouteServesWholeImagesOfTheRowItNames() {
        RawHttp.Response scene = get("/api/recordings/{rec}/scene?timeline=frame&time=3");
        String imageUrl = scene.body().replaceAll(".*\"imageUrl\":\"([^\"]+)\".*", "$1");

        RawHttp.Response image = get(imageUrl);

        assertThat(image.status()).isEqualTo(200);
        assertThat(image.bytes()).hasSize(TestRecordings.WIDTH * TestRecordings.HEIGHT * 2);
        assertThat(image.header("Content-Length")).isEqualTo(Integer.toString(TestRecordings.WIDTH * TestRecordings.HEIGHT * 2));
        assertThat(image.header("X-Width")).isEqualTo("8");
        assertThat(image.header("X-Row")).isEqualTo(imageUrl.replaceAll(".*row=", ""));
        assertThat(image.bytes()[0] & 0xFF | (image.bytes()[1] & 0xFF) << 8).isEqualTo(1003);
    }
}
