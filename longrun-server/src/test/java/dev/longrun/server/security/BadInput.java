package dev.longrun.server.security;

import java.nio.charset.StandardCharsets;

/**
 * One hostile request of the corpus, as bytes: the request line and headers (ISO-8859-1, so any byte can be sent)
 * and a body. {@code expected} is the status the input must get when the corpus pins it (the inputs of the
 * penetration test's report), else 0: any answer below 500 in the right format will do.
 */
record BadInput(String kind, String name, String head, byte[] body, int expected) {

    static final String ALICE = "X-Longrun-Api-Key: demo-key-change-me\r\nX-Longrun-Account: acme\r\nX-Longrun-User: alice";

    static BadInput of(String kind, String name, String head) {
        return new BadInput(kind, name, head, new byte[0], 0);
    }

    static BadInput json(String kind, String method, String path, String json) {
        return new BadInput(kind, method + " " + path + " " + cut(json), method + " " + path + " HTTP/1.1\r\n" + ALICE
                + "\r\nContent-Type: application/json", json.getBytes(StandardCharsets.UTF_8), 0);
    }

    BadInput expect(int status) {
        return new BadInput(kind, name, head, body, status);
    }

    /** The request target as sent (up to the first space or the query). */
    String path() {
        String line = head.lines().findFirst().orElse("");
        int from = line.indexOf(' ') + 1;
        int to = line.indexOf(' ', from);
        String target = to < 0 ? line.substring(from) : line.substring(from, to);
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    boolean underApi() {
        return path().equals("/api") || path().startsWith("/api/");
    }

    @Override
    public String toString() {
        return kind + ": " + printable(name);
    }

    static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c)));
        return b.toString();
    }
}
