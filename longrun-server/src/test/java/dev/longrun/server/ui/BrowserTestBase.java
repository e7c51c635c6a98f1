package dev.longrun.server.ui;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import dev.longrun.server.LongrunServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base of the dashboard's browser tests: the real server in this JVM on a random port (embedded store in a
 * fresh directory, started once for all browser tests), Debian's Chromium driven by Playwright (one browser per
 * test class, a fresh context per test), sign-in as the demo users, API calls with the signed-in person's
 * cookie, and screenshots of each state at desktop width and at 375 px under {@code target/screenshots/}.
 * The server starts through SpringApplication as {@code java -jar} would, not Spring's test framework, so the
 * tests run on the module's JUnit version.
 */
abstract class BrowserTestBase {

    static final String ALICE = "alice";
    static final String BOB = "bob";
    private static final Map<String, String> PASSWORDS = Map.of(ALICE, "alice-demo", BOB, "bob-demo");
    /** The demo users (application.yml) as account and user, for the clean-up between tests. */
    private static final List<List<String>> DEMO_USERS = List.of(List.of("acme", ALICE), List.of("acme", BOB), List.of("globex", "carol"));
    private static final String API_KEY = "demo-key-change-me";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path SHOTS = Paths.get("target", "screenshots");
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext server;
    private static Playwright playwright;
    static Browser browser;

    int port;

    /** Contexts opened by the current test, closed after it. */
    private final List<BrowserContext> contexts = new ArrayList<>();
    /** Console errors and failed requests seen by any page of the test, checked after it. */
    private final List<String> troubles = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Troubles the test causes on purpose (a 404 it asks for), matched against the recorded line. */
    private final List<java.util.regex.Pattern> deliberate = new ArrayList<>();
    BrowserContext context;
    Page page;

    /** The one server of all browser tests, closed when the test JVM ends. */
    static synchronized int serverPort() throws IOException {
        if (server == null) {
            Path dir = Files.createTempDirectory("longrun-ui-");
            server = new SpringApplicationBuilder(LongrunServer.class).run(
                    "--server.port=0",
                    "--longrun.data-dir=" + dir,
                    // Enough contacts that an export takes long enough to watch its bar move.
                    "--longrun-demo.contacts=150000");
            ConfigurableApplicationContext started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    @BeforeAll
    static void launchBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() throws IOException, InterruptedException {
        port = serverPort();
        cancelLeftoverJobs();
        context = newContext();
        page = context.newPage();
    }

    /**
     * Every test starts on a server where no demo user has a job running or queued: a job an earlier test left
     * (a two-minute wait, a big export) holds one of the shared workers, and a test's own jobs would queue behind it
     * (a fresh-clone CI run saw a toast test's three instant jobs finish more than ten seconds apart). Cancels what
     * is active, as each user, and waits until it has stopped; the server sends no notification for one's own cancel.
     */
    private void cancelLeftoverJobs() throws IOException, InterruptedException {
        for (List<String> user : DEMO_USERS) {
            asDemoUser(user, "/api/jobs/cancel-all", HttpRequest.BodyPublishers.noBody());
        }
        for (List<String> user : DEMO_USERS) {
            Awaitility.await(user + " has no job pending, running or waiting for a decision a minute after cancel-all")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                        JsonNode c = JSON.readTree(asDemoUser(user, "/api/jobs/counts", null)).get("counts");
                        return c.get("pending").asInt() + c.get("running").asInt() + c.get("needs_action").asInt() == 0;
                    });
        }
    }

    /** GET ({@code body} null) or POST as a demo user through the API key, as a backend would. */
    private String asDemoUser(List<String> user, String path, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("X-Longrun-Api-Key", API_KEY).header("X-Longrun-Account", user.get(0)).header("X-Longrun-User", user.get(1));
        HttpResponse<String> r = HTTP.send(body == null ? request.GET().build() : request.POST(body).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(path + " as " + user + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        List<String> unexpected;
        synchronized (troubles) {
            unexpected = troubles.stream().filter(t -> deliberate.stream().noneMatch(d -> d.matcher(t).find())).toList();
            troubles.clear();
        }
        deliberate.clear();
        org.assertj.core.api.Assertions.assertThat(unexpected).as("console errors and failed requests in the browser").isEmpty();
    }

    /** Declares a console error or failed request this test causes on purpose (e.g. "GET .* 404"). */
    void expectTrouble(String regex) {
        deliberate.add(java.util.regex.Pattern.compile(regex));
    }

    /**
     * Records what a person would never want to see fail: console errors, requests that failed on the network, and
     * answers of 400 and above. Aborted requests are not failures (a page left, an event stream closed).
     */
    private void watchForTrouble(BrowserContext c) {
        c.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                troubles.add("console error: " + m.text() + " at " + m.location());
            }
        });
        c.onRequestFailed(r -> {
            String error = r.failure();
            if (error == null || !error.contains("ERR_ABORTED")) {
                troubles.add(r.method() + " " + r.url() + " failed: " + error);
            }
        });
        c.onResponse(r -> {
            if (r.status() >= 400) {
                troubles.add(r.request().method() + " " + r.url() + " " + r.status());
            }
        });
        c.onWebError(e -> troubles.add("page error: " + e.error()));
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    BrowserContext newContext() {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base()).setViewportSize(1280, 800).setAcceptDownloads(true));
        c.setDefaultTimeout(20_000);
        watchForTrouble(c);
        contexts.add(c);
        return c;
    }

    /** Signs in through the sign-in page, as a person would, and lands on the jobs page. */
    void signIn(Page p, String user) {
        p.navigate("/sign-in.html");
        p.getByLabel("Username").fill(user);
        p.getByLabel("Password").fill(PASSWORDS.get(user));
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        p.waitForURL("**/index.html");
    }

    /**
     * Opens a page with a start form and waits until the form is wired (its start button is enabled),
     * as a person sees it: before that, the button is disabled so an early Enter cannot submit natively.
     */
    void openStartPage(Page p, String path) {
        p.navigate(path);
        PlaywrightAssertions.assertThat(p.locator("#start-form button[type=submit]")).isEnabled();
    }

    /**
     * Holds every event stream the page opens until {@link #releaseEventStreams}: the page stays "connecting", as on
     * a busy machine where the stream opens late. Returns the held requests.
     */
    List<Route> holdEventStreams(Page p) {
        List<Route> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        p.route("**/api/events**", held::add);
        return held;
    }

    /**
     * Stops the timers of the pages of {@code p}'s context from their next load on (Playwright's clock, paused at
     * now): nothing that waits for time (a toast's ten seconds, a stream's open timeout, polling) happens until the
     * test resumes the clock. The clock is installed an hour back and then paused at now, so the pause can never be
     * a jump into the past however slowly the machine goes between the two calls; the jump fires the timers of the
     * page open now once, which the next load throws away.
     */
    void pauseTimersFromNextLoad(Page p) {
        long now = System.currentTimeMillis();
        p.clock().install(new Clock.InstallOptions().setTime(now - 3_600_000));
        p.clock().pauseAt(now);
    }

    /** Lets the held event streams (and every later one) through. */
    void releaseEventStreams(Page p, List<Route> held) {
        p.unroute("**/api/events**");
        for (Route r : held) {
            try {
                r.resume();
            } catch (PlaywrightException givenUp) {
                // The page gave up on a stream that did not open in time; it opens another by itself (not held).
            }
        }
    }

    /** Counts the page's requests to URLs containing {@code part} that have been answered, from now on. */
    /** On the import page: picks the CSV file and asks for its check (upload, then the preview job). */
    static void uploadAndCheck(Page p, Path csv) {
        p.getByLabel("CSV file").setInputFiles(csv);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check")).click();
    }

    java.util.concurrent.atomic.AtomicInteger answered(Page p, String part) {
        var count = new java.util.concurrent.atomic.AtomicInteger();
        p.onRequestFinished(r -> {
            if (r.url().contains(part)) {
                count.incrementAndGet();
            }
        });
        return count;
    }

    /**
     * Waits until the server says {@code done}, asking every 50 ms for up to the assertions' 20 s. Not
     * {@code page.waitForCondition}: that asks again only when the browser reports something, and a page whose stream
     * is held and timers stopped reports nothing (a test waited out its 20 s that way on two finished jobs).
     */
    static void awaitServer(String what, java.util.function.BooleanSupplier done) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(done::getAsBoolean);
    }

    /** GET an API path as the person signed in on {@code p} (their session cookie). */
    JsonNode api(Page p, String path) {
        APIResponse r = p.context().request().get(base() + path);
        if (!r.ok()) {
            throw new AssertionError("GET " + path + " answered " + r.status() + ": " + r.text());
        }
        return JSON.readTree(r.text());
    }

    /** POST to an API path as the person signed in on {@code p}, as their page would (same Origin). */
    JsonNode apiPost(Page p, String path, Object body) {
        APIResponse r = p.context().request().post(base() + path, RequestOptions.create().setHeader("Origin", base())
                .setHeader("Content-Type", "application/json").setData(JSON.writeValueAsString(body)));
        if (!r.ok()) {
            throw new AssertionError("POST " + path + " answered " + r.status() + ": " + r.text());
        }
        return JSON.readTree(r.text());
    }

    /** Uploads a CSV file as the person signed in on {@code p}; returns its upload id. */
    String uploadCsv(Page p, String filename, String csv) {
        APIResponse r = p.context().request().post(base() + "/api/uploads", RequestOptions.create().setHeader("X-Longrun-Csrf", "1")
                .setMultipart(com.microsoft.playwright.options.FormData.create().set("file", new com.microsoft.playwright.options.FilePayload(
                        filename, "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        if (!r.ok()) {
            throw new AssertionError("POST /api/uploads answered " + r.status() + ": " + r.text());
        }
        return JSON.readTree(r.text()).get("upload_id").asString();
    }

    /** Deletes an upload from the server's data directory, as the clean-up does once it expired. */
    static void removeUpload(String uploadId) {
        Path uploads = Path.of(server.getEnvironment().getProperty("longrun.data-dir"), "uploads");
        try {
            Files.deleteIfExists(uploads.resolve(uploadId + ".bin"));
            Files.deleteIfExists(uploads.resolve(uploadId + ".json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The caller's jobs of one type, newest first. */
    List<JsonNode> jobsOfType(Page p, String type) {
        List<JsonNode> out = new ArrayList<>();
        api(p, "/api/jobs?limit=100&type=" + type).get("jobs").forEach(out::add);
        return out;
    }

    /** Saves the page as it looks now, at desktop width and on a 375 px phone. */
    void screenshot(Page p, String name) {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var size = p.viewportSize();
        wholePage(p, size.width, SHOTS.resolve(name + "-desktop.png"));
        p.setViewportSize(375, 812);
        p.waitForTimeout(150);
        wholePage(p, 375, SHOTS.resolve(name + "-375.png"));
        p.setViewportSize(size.width, size.height);
    }

    /**
     * The whole page, drawn in a viewport as tall as the page. A full-page capture keeps the viewport's height for
     * layout, so what sticks to the bottom of the screen (the import preview's decision bar) was drawn where that
     * edge fell, over the preview's rows, with an empty gap where it sits once the page is scrolled to its end.
     */
    private static void wholePage(Page p, int width, Path path) {
        for (int i = 0; i < 3; i++) { // a page that grows as it gets taller (a list that fills the height) is measured again
            int height = ((Number) p.evaluate("() => document.documentElement.scrollHeight")).intValue();
            if (height <= p.viewportSize().height) {
                break;
            }
            // No wait for a frame here: a page whose clock a test paused (Page.clock) never runs requestAnimationFrame,
            // and the capture draws a fresh frame anyway; reading scrollHeight lays the page out again.
            p.setViewportSize(width, height);
        }
        p.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(true));
    }
}
