package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The bell counts the server's unread notifications; the inbox links to the job; read state survives reloads and tabs. */
class NotificationBellTest extends BrowserTestBase {

    @Test
    void aFinishedJobRingsTheBellAndReadingItInTheInboxHoldsAfterAReload() {
        signIn(page, ALICE);
        // What earlier tests left in Alice's inbox is not this test's business.
        apiPost(page, "/api/notifications/read-all", Map.of());
        page.reload();
        Locator bell = page.locator("longrun-bell");
        Locator button = bell.locator(".lr-bell-button");
        assertThat(button).hasAttribute("aria-label", "Notifications, none unread");
        Page otherTab = context.newPage();
        otherTab.navigate("/wait.html");
        assertThat(otherTab.locator("longrun-bell .lr-bell-button")).hasAttribute("aria-label", "Notifications, none unread");

        String id = apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait",
                "params", Map.of("seconds", 1, "steps", 0, "fail", "never"))).get("id").asString();

        assertThat(bell.locator(".lr-bell-count")).hasText("1");
        assertThat(button).hasAttribute("aria-label", "Notifications, 1 unread");
        assertThat(otherTab.locator("longrun-bell .lr-bell-count")).hasText("1");
        // The mark is an SVG icon (the same on every system), not a font's glyph.
        assertThat(page.locator(".lr-toast-succeeded .lr-toast-mark svg.lr-svg-succeeded")).isVisible();
        button.click();
        assertThat(button).hasAttribute("aria-expanded", "true");
        Locator item = bell.locator("li[data-notification-id]").first();
        JsonNode inbox = api(page, "/api/notifications?limit=1").get("notifications").get(0);
        assertThat(inbox.get("job_id").asString()).isEqualTo(id);
        assertThat(item).hasClass(Pattern.compile("lr-unread"));
        assertThat(item.locator(".lr-bell-title")).containsText(inbox.get("title").asString());
        assertThat(item.locator(".lr-bell-body")).hasText(inbox.get("body").asString());
        Locator link = item.getByRole(AriaRole.LINK);
        assertThat(link).hasAttribute("href", "job.html?id=" + id);
        screenshot(page, "bell-inbox-unread");

        link.click();
        page.waitForURL("**/job.html?id=" + id);
        assertThat(page.locator("longrun-job .lr-badge")).hasText("Completed");
        assertThat(page.locator("longrun-bell .lr-bell-button")).hasAttribute("aria-label", "Notifications, none unread");
        assertThat(otherTab.locator("longrun-bell .lr-bell-count")).isHidden();
        page.reload();
        assertThat(page.locator("longrun-bell .lr-bell-button")).hasAttribute("aria-label", "Notifications, none unread");
        assertThat(page.locator("longrun-bell .lr-bell-count")).isHidden();
        page.locator("longrun-bell .lr-bell-button").click();
        assertThat(page.locator("longrun-bell li[data-notification-id='" + inbox.get("id").asLong() + "']")).not().hasClass(Pattern.compile("lr-unread"));
        screenshot(page, "bell-inbox-read");
        assertThat(api(page, "/api/notifications?limit=1").get("unread").asLong()).isZero();
    }

    @Test
    void markAsReadInTheInboxLeavesThePersonWhereTheyAre() {
        signIn(page, ALICE);
        apiPost(page, "/api/notifications/read-all", Map.of());
        page.reload();
        apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait", "params", Map.of("seconds", 0, "steps", 0, "fail", "permanent")));
        Locator bell = page.locator("longrun-bell");
        assertThat(bell.locator(".lr-bell-count")).hasText("1");
        bell.locator(".lr-bell-button").click();
        Locator item = bell.locator("li[data-notification-id]").first();
        assertThat(item.locator(".lr-bell-title")).containsText("failed");
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as read")).click();
        assertThat(bell.locator(".lr-bell-count")).isHidden();
        assertThat(page).hasURL(Pattern.compile(".*/index\\.html.*"));
        page.reload();
        assertThat(page.locator("longrun-bell .lr-bell-button")).hasAttribute("aria-label", "Notifications, none unread");
    }
}
