package dev.longrun.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard over a table of addresses: every special-purpose range of the IANA registries in both families,
 * the forms that embed an IPv4 address, this host's own addresses, and names that resolve to any of them.
 */
class WebhookAddressesTest {

    private static final WebhookAddresses GUARD = WebhookAddresses.globalOnly();

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0              | 'this network'
            0.1.2.3              | 'this network'
            10.1.2.3             | private network (10.0.0.0/8)
            100.64.0.1           | carrier-grade NAT
            100.127.255.254      | carrier-grade NAT
            127.0.0.1            | loopback
            127.255.255.254      | loopback
            169.254.169.254      | link-local
            172.16.0.1           | private network (172.16.0.0/12)
            172.31.255.255       | private network (172.16.0.0/12)
            192.0.0.8            | IETF protocol assignments
            192.0.2.1            | documentation (192.0.2.0/24)
            192.88.99.1          | 6to4 relay
            192.168.1.1          | private network (192.168.0.0/16)
            198.18.0.1           | benchmarking
            198.19.255.255       | benchmarking
            198.51.100.7         | documentation (198.51.100.0/24)
            203.0.113.9          | documentation (203.0.113.0/24)
            224.0.0.1            | multicast
            239.255.255.250      | multicast
            240.0.0.1            | reserved
            255.255.255.255      | reserved
            ::1                  | loopback (::1)
            ::                   | unspecified
            ::127.0.0.1          | loopback (127.0.0.0/8) inside a IPv4-compatible
            ::8.8.8.8            | deprecated IPv4-compatible
            ::ffff:127.0.0.1     | loopback
            ::ffff:7f00:1        | loopback
            ::ffff:a00:1         | private network
            ::ffff:169.254.169.254 | link-local
            64:ff9b::7f00:1      | loopback (127.0.0.0/8) inside a NAT64
            64:ff9b::a9fe:a9fe   | link-local (169.254.0.0/16, where cloud metadata services live) inside a NAT64
            64:ff9b:1::808:808   | local-use NAT64
            100::1               | discard-only
            2001::1              | Teredo
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo
            2001:2::1            | IETF protocol assignments
            2001:db8::1          | documentation (2001:db8::/32)
            2002:7f00:1::        | loopback (127.0.0.0/8) inside a 6to4
            2002:c0a8:101::1     | private network (192.168.0.0/16) inside a 6to4
            2002:a9fe:a9fe::     | link-local
            3fff::1              | documentation (3fff::/20)
            5f00::1              | segment routing
            fc00::1              | unique-local
            fd12:3456::1         | unique-local
            fe80::1              | link-local (fe80::/10)
            febf::1              | link-local (fe80::/10)
            fec0::1              | site-local
            ff02::1              | multicast (ff00::/8)
            ff0e::1              | multicast (ff00::/8)
            4000::1              | outside the global unicast range
            """)
    void specialPurposeAddressesAreRefused(String literal, String reason) throws Exception {
        assertThat(GUARD.refusal(InetAddress.getByName(literal))).as(literal).isNotNull().contains(reason.strip());
        assertThatThrownBy(() -> GUARD.resolve(literal.contains(":") ? "[" + literal + "]" : literal))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("webhooks may only call public addresses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
            "192.0.1.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.254", "2606:4700:4700::1111",
            "2a00:1450:4001:82b::200e", "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8", "2001:200::1"})
    void globalUnicastAddressesAreAllowed(String literal) throws Exception {
        assertThat(GUARD.refusal(InetAddress.getByName(literal))).as(literal).isNull();
    }

    @Test
    void thisHostsOwnAddressesAreRefusedEvenWhenTheyLookGlobal() throws Exception {
        InetAddress own = InetAddress.getByName("93.184.216.34"); // as if it were one of this machine's interfaces
        WebhookAddresses guard = new WebhookAddresses(false, false, InetAddress::getAllByName, () -> List.of(own));
        assertThat(guard.refusal(own)).contains("this server itself");
        assertThat(guard.refusal(InetAddress.getByName("93.184.216.35"))).isNull();
        for (InetAddress real : WebhookAddresses.interfaceAddresses()) {
            assertThat(GUARD.refusal(real)).as("interface address " + real).isNotNull();
        }
    }

    @Test
    void privateNetworksCanBeAllowedButNeverLoopbackLinkLocalOrTheHostItself() throws Exception {
        WebhookAddresses intranet = WebhookAddresses.of(true, false);
        assertThat(intranet.refusal(InetAddress.getByName("10.1.2.3"))).isNull();
        assertThat(intranet.refusal(InetAddress.getByName("fd00::1"))).isNull();
        assertThat(intranet.refusal(InetAddress.getByName("127.0.0.1"))).contains("loopback");
        assertThat(intranet.refusal(InetAddress.getByName("169.254.169.254"))).contains("link-local");
        assertThat(intranet.refusal(InetAddress.getByName("192.0.2.1"))).contains("documentation");
        WebhookAddresses tests = WebhookAddresses.of(false, true);
        assertThat(tests.refusal(InetAddress.getByName("127.0.0.1"))).isNull();
        assertThat(tests.refusal(InetAddress.getByName("169.254.169.254"))).contains("link-local");
    }

    @Test
    void everyAddressANameResolvesToIsChecked() {
        Map<String, List<String>> dns = Map.of(
                "public.example", List.of("93.184.216.34"),
                "mixed.example", List.of("93.184.216.34", "127.0.0.1"),
                "metadata.example", List.of("169.254.169.254"),
                "nat64.example", List.of("64:ff9b::7f00:1"),
                "private.example", List.of("8.8.8.8", "2001:4860::1", "192.168.0.10"));
        WebhookAddresses guard = new WebhookAddresses(false, false, host -> lookup(dns, host), List::of);
        assertThat(WebhookUrls.check("https://public.example/hook", guard).getHost()).isEqualTo("public.example");
        for (String name : List.of("mixed.example", "metadata.example", "nat64.example", "private.example")) {
            assertThatThrownBy(() -> WebhookUrls.check("https://" + name + "/hook", guard)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("The host '" + name + "' points to");
        }
        assertThatThrownBy(() -> WebhookUrls.check("https://unknown.example/hook", guard)).hasMessageContaining("cannot be resolved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/", "http://[::1]/", "http://0.0.0.0/", "http://2130706433/",
            "http://[::ffff:127.0.0.1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/",
            "http://198.18.0.1/", "http://192.0.2.1/", "http://169.254.169.254/latest/meta-data/"})
    void urlsThatReachThisHostOrNonGlobalNetworksAreRefused(String url) {
        assertThatThrownBy(() -> WebhookUrls.check(url, GUARD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhooks may only call public addresses");
    }

    static InetAddress[] lookup(Map<String, List<String>> dns, String host) throws UnknownHostException {
        List<String> found = dns.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[found.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = InetAddress.getByName(found.get(i));
        }
        return out;
    }
}
