import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes a large contacts CSV for trying big imports; run it with the JDK alone (no build):
 *
 *   java docs/samples/GenerateContacts.java 100000 > contacts-100k.csv
 *   java docs/samples/GenerateContacts.java 100000 --problems > contacts-100k-problems.csv
 *
 * Emails are unique and use domains the server's seeded demo contacts never use, so every row imports.
 * With --problems, about 1 row in 100 has a problem of the kinds the import preview reports.
 */
public class GenerateContacts {

    private static final String[] FIRST = {"Maya", "Tomas", "Chen", "Fatima", "Siobhan", "Lukas", "Amara", "Kenji", "Sofia",
            "Noah", "Priya", "Jonas", "Elodie", "Diego", "Hannah", "Oliver", "Zanele", "Mateus", "Aisha", "Erik"};
    private static final String[] LAST = {"Patel", "Alvarez", "Wei", "Zahra", "O'Neill", "Becker", "Okafor", "Watanabe",
            "Rossi", "Schmidt", "Sharma", "Lindqvist", "Martin", "Fernandez", "Kim", "Brown", "Dlamini", "Costa", "Rahman", "Nilsson"};
    private static final String[] COMPANY = {"Northwind Traders", "Contoso", "Fabrikam, Inc.", "Tailspin Toys", "Adventure Works",
            "Wingtip Toys", "Litware", "Proseware", "Lucerne Publishing", "Woodgrove Bank"};

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || !args[0].matches("\\d{1,9}")) {
            System.err.println("Usage: java GenerateContacts.java <rows> [--problems] > contacts.csv");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[0]);
        boolean problems = args.length > 1 && args[1].equals("--problems");
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("name,email,company\r\n");
            for (int i = 0; i < rows; i++) {
                String first = FIRST[i % FIRST.length];
                String last = LAST[(i / FIRST.length) % LAST.length];
                String company = COMPANY[(i / 7) % COMPANY.length];
                String name = first + " " + last;
                String email = (first + "." + last).toLowerCase().replace("'", "") + "." + i + "@bulk" + (i % 10) + ".example";
                if (problems && i % 100 == 42) {
                    switch ((i / 100) % 3) {
                        case 0 -> name = "";
                        case 1 -> email = email.replace("@", " at ");
                        default -> email = (first + "." + last).toLowerCase().replace("'", "") + "." + (i - 1) + "@bulk" + ((i - 1) % 10) + ".example";
                    }
                }
                out.write(csv(name) + "," + csv(email) + "," + csv(company) + "\r\n");
            }
        }
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
