package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pages around the jobs: notification settings, the duplicate finder's start page, a friendly 404, a job link that
 * leads to no job, the favicon.
 */
class SettingsAndPagesTest extends BrowserTestBase {

    @Test
    void notificationChoicesAreSavedPerJobTypeAndShownAgainAfterAReload() {
        signIn(page, ALICE);
        page.navigate("/settings.html");
        assertThat(page.locator("#defaults")).containsText("In-app always; email too when a job runs longer than");
        page.getByLabel("Export contacts").selectOption("both");
        page.getByLabel("All jobs (unless set below)").selectOption("in_app");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.locator("#form-note")).hasText("Saved. New choices apply to jobs that finish from now on.");
        screenshot(page, "settings-saved");

        JsonNode saved = api(page, "/api/notification-preferences").get("preferences");
        assertThat(saved.toString()).contains("{\"job_type\":\"*\",\"channel\":\"in_app\"}", "{\"job_type\":\"contacts.export\",\"channel\":\"both\"}");
        page.reload();
        assertThat(page.getByLabel("Export contacts")).hasValue("both");
        assertThat(page.getByLabel("Invite contacts")).hasValue("");
        // A type left unset follows the choice for all jobs, and says so: with "All jobs" on "In the app only" it read
        // "As usual (in the app; by email when it ran long)", an email that never comes.
        assertThat(page.getByLabel("Invite contacts").locator("option[value='']")).hasText("Same as all jobs (in the app only)");
        assertThat(page.getByLabel("All jobs (unless set below)").locator("option[value='']")).hasText("As usual (in the app; by email when it ran long)");

        page.getByLabel("Export contacts").selectOption("");
        page.getByLabel("All jobs (unless set below)").selectOption("");
        assertThat(page.getByLabel("Invite contacts").locator("option[value='']")).hasText("As usual (in the app; by email when it ran long)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.locator("#form-note")).hasText(Pattern.compile("Saved\\."));
        assertThat(api(page, "/api/notification-preferences").get("preferences").size()).isZero();
    }

    @Test
    void theDuplicateFinderStartsFromItsOwnPageWithTheChosenThreshold() {
        signIn(page, ALICE);
        assertThat(page.locator("nav.app-nav a[href='dedupe.html']")).hasText("Duplicates");
        openStartPage(page, "/dedupe.html");
        page.getByLabel("How alike names must be").selectOption("0.97");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find duplicates")).click();
        assertThat(page.locator("#form-note")).hasText("Search for duplicates started.");
        String id = page.locator("#job-area longrun-job").getAttribute("job-id");
        assertThat(api(page, "/api/jobs/" + id).get("params").get("threshold").asDouble()).isEqualTo(0.97);
        assertThat(page.locator("#job-area longrun-job .lr-badge")).hasText(Pattern.compile("Queued|In progress|Completed"));
        screenshot(page, "dedupe-started");
    }

    @Test
    void anUnknownAddressShowsAFriendlyPageWithAWayBack() {
        // The address asked for does not exist; signed out, the jobs page is refused who is signed in and sends them to sign in.
        expectTrouble("no-such-page|status of 404|status of 401| 401$");
        Page p = page;
        var response = p.navigate("/no-such-page");
        assertThat(response.status()).isEqualTo(404);
        assertThat(p.locator("h1")).hasText("This page does not exist");
        assertThat(p.content()).doesNotContain("Whitelabel", "Exception", "Tomcat");
        p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to your jobs")).click();
        p.waitForURL(Pattern.compile(".*/(sign-in|index)\\.html.*"));
        p.navigate("/no-such-page");
        screenshot(p, "not-found");
    }

    @Test
    void aJobLinkThatLeadsToNoJobSaysSoInPlainWordsWithoutAnEmptyHistory() {
        // Bad inputs tried: a well-formed job id no one has (a job removed after it finished, a link from someone
        // else), and a cut-short id. Both showed "What happened" over an empty timeline; the cut-short one said
        // "'01a2' is not a job id (a UUID such as 3f2b6c1e-…) (id)."
        expectTrouble("status of 404|status of 400| 404$| 400$");
        signIn(page, ALICE);
        for (String id : List.of(java.util.UUID.randomUUID().toString(), "01a22a6c-be1b-7000")) {
            page.navigate("/job.html?id=" + id);
            assertThat(page.locator("longrun-job .lr-title")).hasText("Job not available");
            assertThat(page.locator("longrun-job .lr-sentence")).hasText(Pattern.compile("^(We can’t find this job|This link does not lead to a job)\\. .+"));
            assertThat(page.locator("longrun-job .lr-sentence")).not().containsText(Pattern.compile("UUID|\\(id\\)"));
            assertThat(page.locator("longrun-timeline .lr-timeline")).isHidden();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All jobs"))).isVisible();
        }
        screenshot(page, "job-link-leads-nowhere");
    }

    @Test
    void everyPageNamesTheFavicon() {
        APIResponse icon = page.context().request().get(base() + "/favicon.svg");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.headers().get("content-type")).startsWith("image/svg+xml");
        signIn(page, ALICE);
        for (String path : new String[] {"/index.html", "/settings.html", "/dedupe.html", "/sign-in.html"}) {
            page.navigate(path);
            assertThat(page.locator("link[rel=icon]")).hasAttribute("href", Pattern.compile("favicon\\.svg$"));
        }
    }

    @Test
    void aBrokenOrForeignDownloadLinkOpensAReadablePageWhileProgramsStillGetAProblem() {
        expectTrouble("/api/files/"); // the broken and foreign links are refused on purpose
        signIn(page, ALICE);
        var bad = page.navigate("/api/files/not-a-real-link");
        assertThat(bad.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("This download link does not work");
        assertThat(page.locator("main")).containsText("it was changed or cut short");
        screenshot(page, "download-link-broken");
        APIResponse forProgram = page.context().request().get(base() + "/api/files/not-a-real-link",
                com.microsoft.playwright.options.RequestOptions.create().setHeader("Accept", "application/json"));
        assertThat(forProgram.status()).isEqualTo(403);
        assertThat(forProgram.headers().get("content-type")).startsWith("application/problem+json");

        JsonNode job = apiPost(page, "/api/jobs/start", java.util.Map.of("type", "contacts.export", "params", java.util.Map.of("query", "no-contact-matches-this")));
        String id = job.get("id").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> "succeeded".equals(api(page, "/api/jobs/" + id).get("status").asText()));
        String link = apiPost(page, "/api/jobs/" + id + "/result-link", java.util.Map.of()).get("url").asText();

        Page bob = newContext().newPage();
        signIn(bob, BOB);
        var foreign = bob.navigate(link);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(bob.locator("h1")).hasText("This download link does not work");
        assertThat(bob.locator("main")).containsText("signed in as the person who started it");
        assertThat(bob.content()).doesNotContain("no-contact-matches-this");
    }
}
