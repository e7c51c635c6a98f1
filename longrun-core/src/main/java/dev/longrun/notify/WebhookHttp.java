package dev.longrun.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of webhooks (Apache HttpClient 5). Its only name resolver is the {@link WebhookAddresses} guard:
 * a name is looked up once per connection, every address is checked, and the connection goes to those addresses,
 * while the request keeps the name in its Host header and TLS SNI. No redirects, no retries, no kept-alive
 * connections, no cookies, no proxy from system properties; one timeout for connecting and for the answer.
 */
final class WebhookHttp implements AutoCloseable {

    private final CloseableHttpClient client;

    WebhookHttp(WebhookAddresses addresses, Duration timeout) {
        Timeout t = Timeout.of(timeout);
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return addresses.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never used to pick an address
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(guarded)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                        .setMaxConnTotal(20).setMaxConnPerRoute(2).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t).build())
                // a new connection per request: each one goes through the guard again, none outlives a check
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableContentCompression()
                .build();
    }

    /** POSTs the JSON body and answers the status code; IOException for anything that is not an HTTP answer. */
    int post(URI uri, Map<String, String> headers, String body) throws IOException {
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        return client.execute(post, response -> response.getCode());
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
