package dev.longrun.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard: only http(s), and only public addresses unless private ones are allowed. */
class WebhookUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
            "http://192.168.1.10/", "http://172.16.0.5/", "http://localhost:8080/", "http://[::1]/", "http://0.0.0.0/",
            "http://100.64.0.1/", "http://[fd00::1]/", "http://2130706433/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:a00:1]/"})
    void privateLoopbackAndLinkLocalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> WebhookUrls.check(url, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points to a private or local address")
                .hasMessageContaining("longrun.notify.webhooks.allow-private=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "javascript:alert(1)"})
    void onlyHttpAndHttpsAreAccepted(String url) {
        assertThatThrownBy(() -> WebhookUrls.check(url, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with https://");
    }

    @Test
    void malformedUrlsAndCredentialsInUrlsAreRefusedWithAReason() {
        assertThatThrownBy(() -> WebhookUrls.check("not a url", false)).hasMessageContaining("is not a valid URL");
        assertThatThrownBy(() -> WebhookUrls.check("", false)).hasMessageContaining("Give the webhook a url");
        assertThatThrownBy(() -> WebhookUrls.check("https:///path", false)).hasMessageContaining("has no host name");
        assertThatThrownBy(() -> WebhookUrls.check("https://user:pw@example.com/", false)).hasMessageContaining("Leave user names");
        assertThatThrownBy(() -> WebhookUrls.check("https://no-such-host.invalid/", false)).hasMessageContaining("cannot be resolved");
        assertThatThrownBy(() -> WebhookUrls.check("http://127.1/", false)).as("short IPv4 forms").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateAddressesPassWhenAllowedByConfiguration() {
        assertThat(WebhookUrls.check("http://127.0.0.1:9000/hook", true).getPort()).isEqualTo(9000);
    }

    @Test
    void signaturesFollowTheDocumentedFormat() {
        String header = WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"a\":1}");
        // HMAC-SHA256("whsec_test", "1700000000.{\"a\":1}"), computed independently with openssl
        assertThat(header).isEqualTo("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
        assertThat(WebhookSignature.verify("whsec_test", header, "{\"a\":1}")).isTrue();
        assertThat(WebhookSignature.verify("whsec_test", "t=1700000001," + header.substring(header.indexOf("v1=")), "{\"a\":1}")).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "garbage", "{\"a\":1}")).isFalse();
    }
}
