package vn.trolyso.assistant.rag;

import java.util.List;
import java.util.regex.Pattern;
import vn.trolyso.assistant.TokenSink;
import vn.trolyso.assistant.citation.CitationMapper;
import vn.trolyso.knowledge.search.Passage;

/**
 * Streams the answer with its [n] markers already mapped the way {@link CitationMapper} maps the final text
 * (renumbered in order of first use, markers pointing at no source removed), so what the user watches arrive is
 * exactly the final answer text. Holds back only a trailing piece that could still turn into a marker (" [1").
 * Not thread-safe: one per answer.
 */
final class CitationStreamSink implements TokenSink {
    /** A tail that may still become a marker: optional whitespace, "[", up to three digits. */
    private static final Pattern OPEN_TAIL = Pattern.compile("(\\s|\\s?\\[\\d{0,3})$");

    private final TokenSink downstream;
    private final List<Passage> sources;
    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder sent = new StringBuilder();

    CitationStreamSink(TokenSink downstream, List<Passage> sources) {
        this.downstream = downstream;
        this.sources = List.copyOf(sources);
    }

    @Override
    public void onToken(String text) {
        raw.append(text);
        var tail = OPEN_TAIL.matcher(raw);
        int stable = tail.find() ? tail.start() : raw.length();
        emitUpTo(CitationMapper.map(raw.substring(0, stable), sources).text());
    }

    @Override
    public void onQueued(int ahead) {
        downstream.onQueued(ahead);
    }

    /** Sends what was held back; call once the stream has ended (normally or not). */
    void finish() {
        emitUpTo(CitationMapper.map(raw.toString(), sources).text());
    }

    private void emitUpTo(String mapped) {
        // Mapping is left to right with local matches, so a stable prefix maps to a prefix of the final text;
        // the check only guards against sending text that the final answer would not contain.
        if (mapped.length() > sent.length() && mapped.startsWith(sent.toString())) {
            String piece = mapped.substring(sent.length());
            sent.append(piece);
            downstream.onToken(piece);
        }
    }
}
