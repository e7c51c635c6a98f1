package dev.longrun.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The form of webhook URLs: only http(s), a host, no credentials (the addresses: {@link WebhookAddressesTest}). */
class WebhookUrlsTest {

    private static final WebhookAddresses LOOPBACK_ALLOWED = WebhookAddresses.of(false, true);

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "javascript:alert(1)"})
    void onlyHttpAndHttpsAreAccepted(String url) {
        assertThatThrownBy(() -> WebhookUrls.check(url, LOOPBACK_ALLOWED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with https://");
    }

    @Test
    void malformedUrlsAndCredentialsInUrlsAreRefusedWithAReason() {
        assertThatThrownBy(() -> WebhookUrls.check("not a url", WebhookAddresses.globalOnly())).hasMessageContaining("is not a valid URL");
        assertThatThrownBy(() -> WebhookUrls.check("", WebhookAddresses.globalOnly())).hasMessageContaining("Give the webhook a url");
        assertThatThrownBy(() -> WebhookUrls.check("https:///path", WebhookAddresses.globalOnly())).hasMessageContaining("has no host name");
        assertThatThrownBy(() -> WebhookUrls.check("https://user:pw@example.com/", WebhookAddresses.globalOnly())).hasMessageContaining("Leave user names");
        assertThatThrownBy(() -> WebhookUrls.check("https://no-such-host.invalid/", WebhookAddresses.globalOnly())).hasMessageContaining("cannot be resolved");
        assertThatThrownBy(() -> WebhookUrls.check("http://127.1/", WebhookAddresses.globalOnly())).as("short IPv4 forms").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loopbackPassesWhenAllowedForTests() {
        assertThat(WebhookUrls.check("http://127.0.0.1:9000/hook", LOOPBACK_ALLOWED).getPort()).isEqualTo(9000);
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
