package dev.longrun.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Classifies an address by the IANA special-purpose address registries (IPv4 and IPv6, as of 2025) so that webhooks
 * go only to global unicast addresses. Forms that embed an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d},
 * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the
 * embedded address; Teredo and the local-use NAT64 prefix are refused outright, since where they lead cannot be told.
 */
final class SpecialAddresses {

    /** What an address is, for the guard's decision and its message. */
    enum Kind { GLOBAL, PRIVATE, LOOPBACK, LINK_LOCAL, SPECIAL }

    record Classified(Kind kind, String what) {
    }

    private record Range(byte[] prefix, int bits, Kind kind, String what) {
        boolean contains(byte[] a) {
            if (a.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((a[full] ^ prefix[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private static final List<Range> V4 = List.of(
            range("0.0.0.0/8", Kind.SPECIAL, "'this network' (0.0.0.0/8)"),
            range("10.0.0.0/8", Kind.PRIVATE, "a private network (10.0.0.0/8)"),
            range("100.64.0.0/10", Kind.PRIVATE, "carrier-grade NAT space (100.64.0.0/10)"),
            range("127.0.0.0/8", Kind.LOOPBACK, "loopback (127.0.0.0/8)"),
            range("169.254.0.0/16", Kind.LINK_LOCAL, "link-local (169.254.0.0/16, where cloud metadata services live)"),
            range("172.16.0.0/12", Kind.PRIVATE, "a private network (172.16.0.0/12)"),
            range("192.0.0.0/24", Kind.SPECIAL, "IETF protocol assignments (192.0.0.0/24)"),
            range("192.0.2.0/24", Kind.SPECIAL, "documentation (192.0.2.0/24)"),
            range("192.88.99.0/24", Kind.SPECIAL, "the deprecated 6to4 relay anycast (192.88.99.0/24)"),
            range("192.168.0.0/16", Kind.PRIVATE, "a private network (192.168.0.0/16)"),
            range("198.18.0.0/15", Kind.SPECIAL, "benchmarking (198.18.0.0/15)"),
            range("198.51.100.0/24", Kind.SPECIAL, "documentation (198.51.100.0/24)"),
            range("203.0.113.0/24", Kind.SPECIAL, "documentation (203.0.113.0/24)"),
            range("224.0.0.0/4", Kind.SPECIAL, "multicast (224.0.0.0/4)"),
            range("240.0.0.0/4", Kind.SPECIAL, "reserved (240.0.0.0/4) or broadcast"));

    private static final List<Range> V6 = List.of(
            range("::1/128", Kind.LOOPBACK, "loopback (::1)"),
            range("::/128", Kind.SPECIAL, "the unspecified address (::)"),
            range("64:ff9b:1::/48", Kind.SPECIAL, "local-use NAT64 (64:ff9b:1::/48)"),
            range("100::/64", Kind.SPECIAL, "discard-only (100::/64)"),
            range("2001::/32", Kind.SPECIAL, "Teredo (2001::/32)"),
            range("2001::/23", Kind.SPECIAL, "IETF protocol assignments (2001::/23)"),
            range("2001:db8::/32", Kind.SPECIAL, "documentation (2001:db8::/32)"),
            range("3fff::/20", Kind.SPECIAL, "documentation (3fff::/20)"),
            range("5f00::/16", Kind.SPECIAL, "segment routing SIDs (5f00::/16)"),
            range("fc00::/7", Kind.PRIVATE, "a unique-local network (fc00::/7)"),
            range("fe80::/10", Kind.LINK_LOCAL, "link-local (fe80::/10)"),
            range("fec0::/10", Kind.PRIVATE, "site-local (fec0::/10)"),
            range("ff00::/8", Kind.SPECIAL, "multicast (ff00::/8)"));

    private static final Range NAT64 = range("64:ff9b::/96", Kind.GLOBAL, "NAT64");
    private static final Range SIX_TO_FOUR = range("2002::/16", Kind.GLOBAL, "6to4");
    private static final Range V4_COMPATIBLE = range("::/96", Kind.GLOBAL, "IPv4-compatible");
    private static final Range V4_MAPPED = range("::ffff:0:0/96", Kind.GLOBAL, "IPv4-mapped");
    private static final Range GLOBAL_UNICAST = range("2000::/3", Kind.GLOBAL, "global unicast");

    private SpecialAddresses() {
    }

    static Classified classify(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet4Address) {
            return v4(a);
        }
        for (Range embedding : List.of(V4_MAPPED, NAT64)) {
            if (embedding.contains(a)) {
                return embedded(v4(copy(a, 12)), embedding.what());
            }
        }
        if (V4_COMPATIBLE.contains(a) && !isUnspecifiedOrLoopback(a)) {
            Classified inner = embedded(v4(copy(a, 12)), V4_COMPATIBLE.what());
            return inner.kind() != Kind.GLOBAL ? inner : new Classified(Kind.SPECIAL, "a deprecated IPv4-compatible address (::/96)");
        }
        if (SIX_TO_FOUR.contains(a)) {
            return embedded(v4(copy(a, 2)), SIX_TO_FOUR.what());
        }
        for (Range r : V6) {
            if (r.contains(a)) {
                return new Classified(r.kind(), r.what());
            }
        }
        return GLOBAL_UNICAST.contains(a) ? new Classified(Kind.GLOBAL, "global unicast")
                : new Classified(Kind.SPECIAL, "outside the global unicast range 2000::/3");
    }

    private static Classified v4(byte[] a) {
        for (Range r : V4) {
            if (r.contains(a)) {
                return new Classified(r.kind(), r.what());
            }
        }
        return new Classified(Kind.GLOBAL, "global unicast");
    }

    private static Classified embedded(Classified inner, String form) {
        return inner.kind() == Kind.GLOBAL ? inner : new Classified(inner.kind(), inner.what() + " inside a " + form + " address");
    }

    private static boolean isUnspecifiedOrLoopback(byte[] a) {
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[15] == 0 || a[15] == 1;
    }

    private static byte[] copy(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }

    private static Range range(String cidr, Kind kind, String what) {
        int slash = cidr.indexOf('/');
        try {
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            if (prefix.length == 4 && cidr.contains(":")) {
                prefix = mapped(prefix); // Java turns ::ffff:0:0 into an IPv4 address
            }
            return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), kind, what);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(cidr, e);
        }
    }

    private static byte[] mapped(byte[] v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4, 0, b, 12, 4);
        return b;
    }
}
