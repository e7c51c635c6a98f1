package dev.longrun.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SSRF guard of webhooks: only http(s) URLs whose host resolves to public addresses, unless private ones are
 * allowed by configuration. Checked when a webhook is added and again before every request (DNS may change);
 * redirects are never followed. Messages say what to change, for the 400 of the webhooks API.
 */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    /** @throws IllegalArgumentException with a reason a person can act on */
    public static URI check(String url, boolean allowPrivate) {
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
        if (!allowPrivate) {
            refusePrivate(uri.getHost());
        }
        return uri;
    }

    private static void refusePrivate(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("The host '" + host + "' cannot be resolved; check the spelling of the webhook URL.");
        }
        for (InetAddress a : addresses) {
            if (isPrivate(a)) {
                throw new IllegalArgumentException("The host '" + host + "' points to a private or local address (" + a.getHostAddress()
                        + "); webhooks may only call public addresses. An administrator can allow private ones with "
                        + "longrun.notify.webhooks.allow-private=true.");
            }
        }
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
