package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The React example page (/react.html, built from src/main/react with @longrun/client's hooks): a double click
 * starts one job, the started job and the list follow it live to the end, and the page says how it is connected.
 */
class ReactExampleTest extends BrowserTestBase {

    @Test
    void aDoubleClickStartsOneJobWhichThePageFollowsToTheEnd() {
        signIn(page, BOB);
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.navigate("/react.html");
        page.waitForLoadState(LoadState.DOMCONTENTLOADED);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("React example"))).isVisible();
        int before = jobsOfType(page, "demo.wait").size();

        page.getByLabel("How long (seconds)").fill("5");
        page.getByLabel("Steps").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).dblclick();

        Locator detail = page.getByTestId("job-detail");
        assertThat(detail).isVisible();
        assertThat(page.getByTestId("connection")).hasText("Live");
        String id = page.getByTestId("detail-id").textContent();
        Locator row = page.getByTestId("jobs-list").locator("li[data-id='" + id + "']");
        assertThat(row).hasAttribute("data-status", "running");
        screenshot(page, "react-example-running");
        assertThat(page.getByTestId("detail-status")).hasText("Completed");
        assertThat(row).hasAttribute("data-status", "succeeded");
        screenshot(page, "react-example-done");

        assertThat(jobsOfType(page, "demo.wait")).hasSize(before + 1);
        assertThat(errors).isEmpty();
    }

    @Test
    void theDetailSaysWhatTheCardSaysAndAStoppedJobHasNoBar() {
        // Bad inputs tried: a step job before and during its steps (the panel's line was blank until a message came,
        // and its bar moved without a value though the card counted the steps), and the job cancelled (its row kept
        // a moving bar, which says the work goes on; the panel's line kept the last step's message).
        signIn(page, BOB);
        page.navigate("/react.html");
        page.getByLabel("How long (seconds)").fill("600");
        page.getByLabel("Steps").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        String id = page.getByTestId("detail-id").textContent();
        Locator row = page.getByTestId("jobs-list").locator("li[data-id='" + id + "']");
        assertThat(row).hasAttribute("data-status", "running");

        Locator said = page.getByTestId("detail-sentence");
        assertThat(said).hasText(java.util.regex.Pattern.compile("^Working on (it\\.|step 1 of 3)$"));
        assertThat(page.getByTestId("job-detail").locator("progress")).hasAttribute("value", "0"); // step 1 of 3 begun, as the card counts
        assertThat(row.locator("progress")).hasAttribute("value", "0");

        apiPost(page, "/api/jobs/" + id + "/cancel", java.util.Map.of());
        assertThat(row).hasAttribute("data-status", "cancelled");
        assertThat(said).hasText("Cancelled before it finished.");
        assertThat(row.locator("progress")).hasCount(0);
        assertThat(page.getByTestId("job-detail").locator("progress")).hasCount(0);
        screenshot(page, "react-example-cancelled");
    }
}
