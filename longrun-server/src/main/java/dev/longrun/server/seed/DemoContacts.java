package dev.longrun.server.seed;

import dev.longrun.server.contacts.NewContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic fake contacts for the demo: the same N contacts on every machine, a few well-known ones
 * first (docs/samples/contacts-with-problems.csv duplicates one of them), about 3% without email, some
 * without company, and about 1% near-duplicates (a typo in the name) for {@code contacts.dedupe} to find.
 */
public final class DemoContacts {

    /** Always seeded first; the sample with problems repeats the second one's email. */
    public static final List<NewContact> WELL_KNOWN = List.of(
            new NewContact("Ada Lovelace", "ada.lovelace@analytical.example", "Analytical Engines"),
            new NewContact("Grace Hopper", "grace.hopper@cobol.example", "Cobol Systems"),
            new NewContact("Alan Turing", "alan.turing@bletchley.example", "Bletchley Labs"));

    private static final String[] FIRST = {"Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella",
            "William", "Mia", "Benjamin", "Amelia", "Lucas", "Harper", "Henry", "Evelyn", "Theodore", "Abigail", "Jack",
            "Emily", "Levi", "Ella", "Alexander", "Elizabeth", "Jackson", "Camila", "Mateo", "Luna", "Daniel", "Sofia",
            "Michael", "Avery", "Mason", "Mila", "Sebastian", "Aria", "Ethan", "Scarlett", "Logan", "Penelope", "Owen",
            "Layla", "Samuel", "Chloe", "Jacob", "Victoria", "Asher", "Madison", "Aiden", "Eleanor", "John", "Grace",
            "Nora", "Riley", "Zoe", "Hannah", "Hazel", "Lily", "Ellie"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
            "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis",
            "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
            "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
            "Müller", "Schmidt", "Dubois", "Rossi", "Novák", "Kowalski", "Jensen", "Andersson", "Silva", "Sato"};
    private static final String[] COMPANY = {"Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises",
            "Wonka Industries", "Cyberdyne", "Soylent", "Tyrell", "Vandelay Industries", "Aperture Science", "Black Mesa",
            "Massive Dynamic", "Oscorp", "Pied Piper", "Prestige Worldwide", "Sterling Cooper", "Dunder Mifflin", "Gringotts",
            "Monsters Inc", "Nakatomi Trading", "Oceanic Airlines", "Wernham Hogg", "Bluth Company", "Krusty Krab",
            "Duff Brewery", "Planet Express", "Virtucon", "Zorg Industries", "Los Pollos Hermanos", "Gekko and Co",
            "Acme Logistics", "Rekall", "Weyland Yutani", "Yoyodyne", "Blue Sun", "Buy n Large", "Spacely Sprockets", "Cogswell Cogs"};

    private DemoContacts() {
    }

    /** Contacts number {@code from} (0-based) up to {@code to} (exclusive) of the demo set. */
    public static List<NewContact> range(int from, int to) {
        List<NewContact> result = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            result.add(contact(i));
        }
        return result;
    }

    public static NewContact contact(int i) {
        if (i < WELL_KNOWN.size()) {
            return WELL_KNOWN.get(i);
        }
        int n = i - WELL_KNOWN.size();
        boolean nearDuplicate = n > 0 && n % 97 == 0;
        int base = nearDuplicate ? n - 1 : n;
        String first = FIRST[base % FIRST.length];
        String last = LAST[(base / FIRST.length) % LAST.length];
        String company = COMPANY[(base * 7 + base / 13) % COMPANY.length];
        int round = base / (FIRST.length * LAST.length);
        String name = first + " " + (nearDuplicate ? typo(last) : last);
        String local = ascii(first + "." + last) + (round > 0 ? "." + round : "") + (nearDuplicate ? ".alt" : "");
        String email = n % 33 == 5 ? null : local + "@" + domain(company);
        return new NewContact(name, email, n % 23 == 7 ? null : company);
    }

    private static String typo(String last) {
        return last.length() > 3 ? last.substring(0, last.length() - 2) + last.charAt(last.length() - 1) : last + "e";
    }

    private static String domain(String company) {
        return ascii(company).replace(' ', '-') + ".example";
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
