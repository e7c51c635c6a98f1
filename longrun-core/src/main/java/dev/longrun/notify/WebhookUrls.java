package dev.longrun.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Webhook URLs: only http(s), a host, no credentials; and (through {@link WebhookAddresses}) a host that resolves to
 * addresses webhooks may call. Checked when a webhook is added; every request checks the addresses again as it
 * connects, and redirects are never followed. Messages say what to change, for the 400 of the webhooks API.
 */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    /**
     * Checks the URL and, once, the addresses its host resolves to: the early, friendly answer when a webhook is added.
     * Sending checks the addresses again, as it connects ({@link WebhookAddresses#resolve}).
     *
     * @throws IllegalArgumentException with a reason a person can act on
     */
    public static URI check(String url, WebhookAddresses addresses) {
        URI uri = parse(url);
        try {
            addresses.resolve(uri.getHost());
        } catch (RefusedAddressException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("The host '" + uri.getHost() + "' cannot be resolved; check the spelling of the webhook URL.");
        }
        return uri;
    }

    /** Checks the form of the URL only (scheme, host, no credentials). @throws IllegalArgumentException with a reason */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Give the webhook a url, e.g. https://hooks.example.com/longrun.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid URL (" + e.getReason() + "); use e.g. https://hooks.example.com/longrun.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("Webhook URLs must start with https:// (or http://); '" + url + "' does not.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + url + "' has no host name; use e.g. https://hooks.example.com/longrun.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Leave user names and passwords out of the webhook URL; every request is signed instead.");
        }
        return uri;
    }
}
