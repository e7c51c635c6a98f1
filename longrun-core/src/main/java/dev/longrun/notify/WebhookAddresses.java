package dev.longrun.notify;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The SSRF guard of webhooks: which addresses a webhook may reach. By default only global unicast addresses
 * ({@link SpecialAddresses}) that are not this host's own. {@code allowPrivate} (an administrator's choice for
 * intranet endpoints) adds private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7); {@code allowLoopback}
 * (for tests with a local receiver only) adds loopback and this host's own addresses. Link-local (cloud metadata)
 * and the other special-purpose ranges are never allowed.
 *
 * <p>{@link #resolve} looks a name up once and checks every address it resolves to; the HTTP client connects to
 * exactly those addresses (it uses this method as its resolver), so a name that answers differently a moment later
 * (DNS rebinding) cannot slip past the check.
 */
public final class WebhookAddresses {

    /** Looks up a host name (or parses an address literal); {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final boolean allowLoopback;
    private final Resolver resolver;
    private final Supplier<List<InetAddress>> ownAddresses;

    public WebhookAddresses(boolean allowPrivate, boolean allowLoopback, Resolver resolver, Supplier<List<InetAddress>> ownAddresses) {
        this.allowPrivate = allowPrivate;
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
        this.ownAddresses = ownAddresses;
    }

    /** The production guard: the system's resolver and this host's interface addresses. */
    public static WebhookAddresses of(boolean allowPrivate, boolean allowLoopback) {
        return new WebhookAddresses(allowPrivate, allowLoopback, InetAddress::getAllByName, WebhookAddresses::interfaceAddresses);
    }

    /** Only global unicast addresses that are not this host's. */
    public static WebhookAddresses globalOnly() {
        return of(false, false);
    }

    /**
     * Resolves the host once and returns its addresses if every one may be called.
     *
     * @throws RefusedAddressException if any address may not be called, saying which and why
     * @throws UnknownHostException    if the name does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress a : addresses) {
            String refusal = refusal(a);
            if (refusal != null) {
                throw new RefusedAddressException("The host '" + host + "' points to " + refusal + " (" + a.getHostAddress()
                        + "); webhooks may only call public addresses." + (refusal.contains("private") || refusal.contains("unique-local")
                        || refusal.contains("carrier-grade") || refusal.contains("site-local")
                        ? " An administrator can allow private networks with longrun.notify.webhooks.allow-private=true." : ""));
            }
        }
        return addresses;
    }

    /** Why the address may not be called, or null if it may. */
    String refusal(InetAddress a) {
        SpecialAddresses.Classified c = SpecialAddresses.classify(a);
        boolean allowed = switch (c.kind()) {
            case GLOBAL -> true;
            case PRIVATE -> allowPrivate;
            case LOOPBACK -> allowLoopback;
            case LINK_LOCAL, SPECIAL -> false;
        };
        if (!allowed) {
            return c.what();
        }
        return !allowLoopback && isOwn(a) ? "this server itself (one of its own network addresses)" : null;
    }

    private boolean isOwn(InetAddress a) {
        byte[] bytes = a.getAddress();
        return ownAddresses.get().stream().anyMatch(own -> Arrays.equals(own.getAddress(), bytes));
    }

    /** Every address of every network interface of this host (read each time: interfaces come and go). */
    static List<InetAddress> interfaceAddresses() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses).toList();
        } catch (SocketException e) {
            return List.of();
        }
    }
}
