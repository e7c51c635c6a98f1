package dev.longrun.server.reports;

import dev.longrun.server.contacts.Contact;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Totals over an account's contacts for the report: with/without email, top companies and email domains, additions per month. */
final class ContactStats {

    static final int TOP = 10;

    long contacts;
    long withEmail;
    long withoutCompany;
    final Map<String, Long> companies = new HashMap<>();
    final Map<String, Long> domains = new HashMap<>();
    final Map<String, Long> perMonth = new TreeMap<>();

    void add(Contact c) {
        contacts++;
        if (c.email() != null) {
            withEmail++;
            String email = c.email().toLowerCase(Locale.ROOT);
            domains.merge(email.substring(email.indexOf('@') + 1), 1L, Long::sum);
        }
        if (c.company() == null || c.company().isBlank()) {
            withoutCompany++;
        } else {
            companies.merge(c.company().strip(), 1L, Long::sum);
        }
        if (c.createdAt() != null && c.createdAt().length() >= 7) {
            perMonth.merge(c.createdAt().substring(0, 7), 1L, Long::sum);
        }
    }

    static Map<String, Long> top(Map<String, Long> counts) {
        Map<String, Long> top = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).toList();
        sorted.forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
