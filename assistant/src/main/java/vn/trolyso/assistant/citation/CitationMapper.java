package vn.trolyso.assistant.citation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.trolyso.assistant.Citation;
import vn.trolyso.knowledge.search.Passage;

/**
 * Turns "[n]" markers in an answer into structured citations. Sources are numbered 1..N in the order they were
 * given to the answerer; markers pointing at no source are removed; the citations are renumbered in order of first
 * use so that the text reads [1], [2], … whatever numbering the sources had.
 */
public final class CitationMapper {
    private static final Pattern MARKER = Pattern.compile("\\s?\\[(\\d{1,3})\\]");
    private static final int SNIPPET_CHARS = 240;

    private CitationMapper() {
    }

    /** The answer text with valid, renumbered markers and the citations they refer to. */
    public record Mapped(String text, List<Citation> citations) {
    }

    public static Mapped map(String text, List<Passage> numberedSources) {
        Incremental mapper = new Incremental(numberedSources);
        return new Mapped(mapper.next(text), mapper.citations());
    }

    /**
     * Maps a text given piece by piece, numbering markers across the pieces as {@link #map} numbers them in the
     * whole text: the concatenated results equal {@code map(whole).text()} provided no piece boundary splits a
     * marker or falls between a marker and the whitespace before it. Lets a stream map each new piece once instead
     * of the whole answer again at every token. Not thread-safe.
     */
    public static final class Incremental {
        private final List<Passage> sources;
        private final Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        private final List<Citation> citations = new ArrayList<>();

        public Incremental(List<Passage> numberedSources) {
            this.sources = numberedSources;
        }

        /** The next piece, mapped. */
        public String next(String piece) {
            if (piece.indexOf('[') < 0) {
                return piece;
            }
            Matcher m = MARKER.matcher(piece);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int source = Integer.parseInt(m.group(1));
                String replacement = "";
                if (source >= 1 && source <= sources.size()) {
                    Integer n = renumbered.get(source);
                    if (n == null) {
                        n = renumbered.size() + 1;
                        renumbered.put(source, n);
                        citations.add(toCitation(n, sources.get(source - 1)));
                    }
                    replacement = m.group().startsWith(" ") ? " [" + n + "]" : "[" + n + "]";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The citations of the markers mapped so far, in order of first use. */
        public List<Citation> citations() {
            return List.copyOf(citations);
        }
    }

    public static Citation toCitation(int n, Passage p) {
        return new Citation(n, p.document().id(), p.document().title(), p.document().issuer(), p.sectionPath(),
                snippet(p.text()));
    }

    static String snippet(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= SNIPPET_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', SNIPPET_CHARS);
        return t.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + "…";
    }
}
