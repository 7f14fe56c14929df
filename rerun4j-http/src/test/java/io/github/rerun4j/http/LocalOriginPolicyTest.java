package io.github.rerun4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision alone (no server): which Host and Origin a server bound to an address accepts. */
class LocalOriginPolicyTest {

    @ParameterizedTest(name = "bound to {0}: Host {1} -> {2}")
    @CsvSource({
            "127.0.0.1,   localhost:9876,           true",
            "127.0.0.1,   [::1]:9876,               true",
            "127.0.0.1,   mybox.lan:9876,           false",
            "127.0.0.1,   10.0.0.5:9876,            false",
            "mybox.lan,   mybox.lan:9876,           true",
            "mybox.lan,   MYBOX.LAN:9876,           true",
            "mybox.lan,   mybox.lan.evil:9876,      false",
            "[::1],       [::1]:9876,               true",
            "::1,         [::1]:9876,               true",
            "fe80::1,     [fe80::1]:9876,           true",
            "0.0.0.0,     10.0.0.5:9876,            true",
            "0.0.0.0,     [fe80::1]:9876,           true",
            "0.0.0.0,     10.0.0.5:80,              false",
            "0.0.0.0,     attacker.example:9876,    false",
            "0.0.0.0,     10.0.0.256:9876,          false",
            "::,          10.0.0.5:9876,            true",
            "::,          attacker.example:9876,    false",
    })
    void hostsThatNameThisServerWithItsPort(String bind, String host, boolean answered) {
        assertThat(LocalOriginPolicy.forBind(bind).check(host, null, 9876, true).isEmpty()).isEqualTo(answered);
    }

    @Test
    void theRejectionNamesTheHeaderTheValueAndWhatWasExpected() {
        var rejection = LocalOriginPolicy.forBind("127.0.0.1").check("attacker.example:9876", null, 9876, false).orElseThrow();

        assertThat(rejection.status()).isEqualTo(421);
        assertThat(rejection.message()).isEqualTo(
                "invalid Host 'attacker.example:9876': expected this server (localhost, 127.0.0.1, [::1]) with port 9876");
    }

    @Test
    void aForeignOriginIsRefusedOnTheApiOnly() {
        LocalOriginPolicy policy = LocalOriginPolicy.forBind("127.0.0.1");

        assertThat(policy.check("127.0.0.1:9876", "http://attacker.example:9876", 9876, true).orElseThrow().status())
                .isEqualTo(403);
        assertThat(policy.check("127.0.0.1:9876", "http://attacker.example:9876", 9876, false)).isEmpty();
        assertThat(policy.check("127.0.0.1:9876", "http://localhost:9876", 9876, true)).isEmpty();
    }

    @ParameterizedTest(name = "bound to {0}: Origin {1} is a local page: {2}")
    @CsvSource({
            "127.0.0.1, http://localhost:9090,          true",
            "127.0.0.1, http://127.0.0.1:5173,          true",
            "127.0.0.1, https://localhost,              true",
            "127.0.0.1, http://[::1]:9090,              true",
            "127.0.0.1, http://localhost.evil:9090,     false",
            "127.0.0.1, http://attacker.example,        false",
            "127.0.0.1, null,                           false",
            "127.0.0.1, file://localhost,               false",
            "127.0.0.1, http://localhost:9090/page,     false",
            "127.0.0.1, http://user@localhost:9090,     false",
            "mybox.lan, http://mybox.lan:9090,          true",
            "0.0.0.0,   http://10.0.0.5:9090,           false",
            "0.0.0.0,   http://localhost:9090,          true",
    })
    void crossOriginPagesAreLocalOnly(String bind, String origin, boolean local) {
        assertThat(LocalOriginPolicy.forBind(bind).isLocalPage(origin)).isEqualTo(local);
    }
}
