package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A result page left open past the link's lifetime offers a fresh link, which downloads the file. */
class ResultLinkTest extends BrowserTestBase {

    @Test
    void anExpiredLinkOffersAFreshOneThatDownloads() throws Exception {
        // The browser's clock is moved, not the server's: the page must notice by itself that its link ran out.
        page.clock().install();
        signIn(page, ALICE);
        openStartPage(page, "/export.html");
        page.getByLabel("Only contacts matching (optional)").fill("Lovelace");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export contacts")).click();
        Locator card = page.locator("#job-area .lr-file");
        assertThat(card).containsText("Link expires in 24 hours");

        Instant now = Instant.now();
        page.clock().setSystemTime(now.plus(Duration.ofHours(25)).toEpochMilli());
        assertThat(card).containsText("This download link has expired.");
        assertThat(card.getByRole(AriaRole.LINK)).hasCount(0);
        screenshot(page, "export-link-expired");

        page.clock().setSystemTime(Instant.now().toEpochMilli());
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Get a fresh link")).click();
        assertThat(card).containsText(Pattern.compile("Link expires in 2[34] hours"));
        Download download = page.waitForDownload(() -> card.getByRole(AriaRole.LINK).click());
        assertThat(Files.readString(download.path())).contains("Lovelace");
    }
}
