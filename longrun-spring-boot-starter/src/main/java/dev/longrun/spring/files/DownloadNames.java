package dev.longrun.spring.files;

/** Makes a file name safe to offer in Content-Disposition and to store: no paths, quotes or control characters. */
public final class DownloadNames {

    private DownloadNames() {
    }

    public static String safe(String name) {
        if (name == null) {
            return "result";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        base.codePoints().forEach(cp -> {
            if (!Character.isISOControl(cp) && cp != '"' && cp != ';' && cp != '\\' && cp != '/') {
                out.appendCodePoint(cp);
            }
        });
        String s = out.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > 200) {
            s = s.substring(s.length() - 200);
        }
        return s.isEmpty() ? "result" : s;
    }
}
