package dev.longrun.spring.files;

import dev.longrun.Job;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Signed download links for result files ({@code /api/files/<token>}). The token carries job, account, user and
 * expiry, signed with HMAC-SHA256; it names no path, so nothing in it can point at another file. Minted for job
 * JSON and {@code POST /api/jobs/{id}/result-link}; verified by {@link FilesController}.
 */
public final class ResultLinks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TOKEN_LENGTH = 2048;

    private final byte[] key;
    private final Clock clock;
    private final Duration ttl;
    private final String apiPath;

    /** @param apiPath where the API is reached: the servlet context path and the base path, e.g. {@code /app/api} */
    public ResultLinks(SecretKey key, Clock clock, Duration ttl, String apiPath) {
        this.key = key.getEncoded();
        this.clock = clock;
        this.ttl = ttl;
        this.apiPath = apiPath;
    }

    /** A fresh link to the job's result, valid for {@code longrun.results.link-ttl}. */
    public Link mint(Job job) {
        Instant expires = clock.instant().plus(ttl);
        ArrayNode payload = JSON.createArrayNode().add("v1").add(job.id().toString()).add(job.accountId()).add(job.userId())
                .add(expires.getEpochSecond());
        String body = Secrets.base64Url(JSON.writeValueAsBytes(payload));
        String token = body + "." + Secrets.base64Url(Secrets.hmac(key, body.getBytes(StandardCharsets.US_ASCII)));
        return new Link(apiPath + "/files/" + token, Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    /**
     * What a token grants.
     *
     * @throws ApiProblem 403 when the token was changed or is not a link at all; 410 when it expired
     */
    public Grant verify(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0 || token.length() > MAX_TOKEN_LENGTH) {
            throw tampered();
        }
        String body = token.substring(0, dot);
        String signature = token.substring(dot + 1);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw tampered();
        }
        // one spelling per signature: padding or other bits the decoder would ignore make a different link
        if (!signature.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(presented))) {
            throw tampered();
        }
        if (!MessageDigest.isEqual(presented, Secrets.hmac(key, body.getBytes(StandardCharsets.US_ASCII)))) {
            throw tampered();
        }
        JsonNode p = JSON.readTree(Base64.getUrlDecoder().decode(body));
        Grant grant = new Grant(UUID.fromString(p.get(1).asString()), p.get(2).asString(), p.get(3).asString(),
                Instant.ofEpochSecond(p.get(4).asLong()));
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw new ApiProblem(HttpStatus.GONE, "link_expired", "This download link expired at " + grant.expiresAt()
                    + ". Open the job and ask for a fresh link (POST /api/jobs/" + grant.jobId() + "/result-link); the file is kept for a while after the job ends.");
        }
        return grant;
    }

    private static ApiProblem tampered() {
        return ApiProblem.forbidden("link_invalid", "This download link is not valid: it was changed or cut short. "
                + "Open the job and use its download button, or ask for a fresh link.");
    }

    /** A link and when it stops working. */
    public record Link(String url, Instant expiresAt) {
    }

    /** The job whose result a verified token opens, for whom, until when. */
    public record Grant(UUID jobId, String accountId, String userId, Instant expiresAt) {
    }
}
