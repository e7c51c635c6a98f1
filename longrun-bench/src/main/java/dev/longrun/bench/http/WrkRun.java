package dev.longrun.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code wrk} (Debian package {@code wrk}) against {@code GET /api/jobs/{id}}, in its own process, with the
 * API-key headers and, for the cached case, {@code If-None-Match} set by a generated Lua script. Used by {@link StatusReads}.
 */
final class WrkRun {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

    /** What wrk measured; latencies in milliseconds. */
    record Result(double requestsPerSecond, long requests, long errors, double p50Millis, double p99Millis) {
    }

    private WrkRun() {
    }

    static Result run(String url, String ifNoneMatch, int threads, int connections, Duration length) throws IOException, InterruptedException {
        return runScript(url, script(ifNoneMatch), threads, connections, length);
    }

    /** Runs wrk with a Lua script of the caller's (e.g. {@link #startScript}). */
    static Result runScript(String url, String lua, int threads, int connections, Duration length) throws IOException, InterruptedException {
        Path script = Files.createTempFile("longrun-wrk", ".lua");
        try {
            Files.writeString(script, lua, StandardCharsets.UTF_8);
            Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + length.toSeconds() + "s",
                    "--timeout", "5s", "--latency", "-s", script.toString(), url).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(length.toSeconds() + 30, TimeUnit.SECONDS)) {
                wrk.destroyForcibly();
                throw new IllegalStateException("wrk did not end within its run time plus 30 s");
            }
            if (wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk failed (exit " + wrk.exitValue() + "):\n" + out);
            }
            return parse(out);
        } catch (IOException e) {
            throw new IOException("Cannot run wrk (" + e.getMessage() + "); install it with: apt-get install -y wrk", e);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static String script(String ifNoneMatch) {
        StringBuilder lua = new StringBuilder()
                .append("wrk.method = \"GET\"\n")
                .append("wrk.headers[\"X-Longrun-Api-Key\"] = \"").append(ServerUnderTest.API_KEY).append("\"\n")
                .append("wrk.headers[\"X-Longrun-User\"] = \"").append(BenchApi.USER).append("\"\n")
                .append("wrk.headers[\"X-Longrun-Account\"] = \"").append(BenchApi.ACCOUNT).append("\"\n");
        if (ifNoneMatch != null) {
            lua.append("wrk.headers[\"If-None-Match\"] = '").append(ifNoneMatch).append("'\n");
        }
        return lua.toString();
    }

    /**
     * {@code POST /api/jobs/start} with {@code body}, and a distinct {@code Idempotency-Key} on every request: each wrk
     * thread numbers its requests under a prefix of its own (thread number and a random run id), as a backend retrying
     * nothing would send them.
     */
    static String startScript(String body, String runId) {
        return """
                local threadCount = 0
                function setup(thread)
                  threadCount = threadCount + 1
                  thread:set("prefix", "%s-" .. threadCount .. "-")
                end
                local counter = 0
                wrk.method = "POST"
                wrk.body = '%s'
                function request()
                  counter = counter + 1
                  return wrk.format("POST", nil, {
                    ["X-Longrun-Api-Key"] = "%s", ["X-Longrun-User"] = "%s", ["X-Longrun-Account"] = "%s",
                    ["Content-Type"] = "application/json", ["Idempotency-Key"] = prefix .. counter }, wrk.body)
                end
                """.formatted(runId, body, ServerUnderTest.API_KEY, BenchApi.USER, BenchApi.ACCOUNT);
    }

    static Result parse(String out) {
        Matcher rate = RATE.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rate.find() || !total.find()) {
            throw new IllegalStateException("Cannot read wrk's output:\n" + out);
        }
        long errors = 0;
        Matcher e = ERRORS.matcher(out);
        if (e.find()) {
            errors += Long.parseLong(e.group(1));
        }
        Matcher s = SOCKET_ERRORS.matcher(out);
        if (s.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(s.group(g));
            }
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(out);
        while (p.find()) {
            double ms = millis(Double.parseDouble(p.group(2)), p.group(3));
            if (p.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        return new Result(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), errors, p50, p99);
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    static boolean installed() {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream().anyMatch(d -> Files.isExecutable(Path.of(d, "wrk")));
    }
}
