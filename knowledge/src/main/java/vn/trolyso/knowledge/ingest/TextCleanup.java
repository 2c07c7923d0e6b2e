package vn.trolyso.knowledge.ingest;

/** Final tidy-up of extracted text: trailing spaces, NBSPs, runs of blank lines. */
final class TextCleanup {
    private TextCleanup() {
    }

    static String clean(String text) {
        String t = text.replace('\u00A0', ' ').replace("\u200B", "").replace("\uFEFF", "");
        t = t.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
        return t.strip();
    }
}
