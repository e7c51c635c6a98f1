package dev.longrun.server.ui;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, inside the page, every value the job screen showed (bar position, status label, sentence, button
 * texts, tab title), so a test can prove a state was shown even when it lasted only a moment ("Cancelling…",
 * an intermediate percentage). Installed before the page loads; survives nothing across navigations.
 */
final class PageRecorder {

    private static final String SCRIPT = """
            (() => {
              const seen = { bar: [], texts: [], titles: [] };
              window.__longrunSeen = seen;
              const push = (list, v) => { if (v != null && v !== '' && list[list.length - 1] !== v) list.push(v); };
              const look = () => {
                for (const bar of document.querySelectorAll('#job-area [role=progressbar][aria-valuenow]')) push(seen.bar, Number(bar.getAttribute('aria-valuenow')));
                for (const el of document.querySelectorAll('#job-area .lr-badge, #job-area .lr-sentence, #job-area .lr-attempt, #job-area button, #job-area .lr-facts')) {
                  if (!el.hidden) push(seen.texts, el.textContent.trim());
                }
                push(seen.titles, document.title);
              };
              new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            })();
            """;

    private PageRecorder() {
    }

    static void install(Page page) {
        page.addInitScript(SCRIPT);
    }

    static List<Integer> barValues(Page page) {
        List<Integer> out = new ArrayList<>();
        for (Object v : (List<?>) page.evaluate("() => window.__longrunSeen.bar")) {
            out.add(((Number) v).intValue());
        }
        return out;
    }

    static List<String> texts(Page page) {
        return strings(page.evaluate("() => window.__longrunSeen.texts"));
    }

    static List<String> titles(Page page) {
        return strings(page.evaluate("() => window.__longrunSeen.titles"));
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object v : (List<?>) value) {
            out.add(String.valueOf(v));
        }
        return out;
    }
}
