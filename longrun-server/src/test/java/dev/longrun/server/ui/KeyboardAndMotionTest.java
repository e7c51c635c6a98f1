package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.Test;

/** Everything works from the keyboard, focus is visible, and nothing moves for people who asked for less motion. */
class KeyboardAndMotionTest extends BrowserTestBase {

    @Test
    void aJobCanBeStartedAndCancelledWithTheKeyboardAlone() {
        signIn(page, ALICE);
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill("60");
        page.getByLabel("Steps").fill("0");
        page.getByLabel("How it ends").focus();
        page.keyboard().press("Tab");
        Locator start = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job"));
        assertThat(start).isFocused();
        assertThat(start).not().hasCSS("box-shadow", "none");
        page.keyboard().press("Enter");
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("In progress");

        Locator cancel = job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel demo job"));
        for (int i = 0; i < 10 && !Boolean.TRUE.equals(cancel.evaluate("b => b === document.activeElement")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(cancel).isFocused();
        page.keyboard().press("Enter");
        // The safe choice has focus, and Escape backs out without cancelling.
        assertThat(page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep it running"))).isFocused();
        page.keyboard().press("Escape");
        assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();
        assertThat(job.locator(".lr-badge")).hasText("In progress");

        cancel.focus();
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(job.locator(".lr-badge")).hasText("Cancelled");
    }

    @Test
    void withReducedMotionTheIndeterminateBarDoesNotMove() {
        page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
        signIn(page, ALICE);
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill("30");
        page.getByLabel("Steps").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("In progress");
        Locator fill = job.locator(".lr-indeterminate .lr-fill");
        assertThat(fill).hasCSS("animation-name", "none");
        apiPost(page, "/api/jobs/" + job.getAttribute("job-id") + "/cancel", java.util.Map.of());
        assertThat(job.locator(".lr-badge")).hasText("Cancelled");
    }
}
