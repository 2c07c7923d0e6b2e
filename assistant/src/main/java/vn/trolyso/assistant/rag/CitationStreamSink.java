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

    /** The longest tail OPEN_TAIL can match (" [123"), so it is only looked for in the last few characters. */
    private static final int MAX_OPEN_TAIL = 5;

    private final TokenSink downstream;
    private final CitationMapper.Incremental mapper;
    private final StringBuilder raw = new StringBuilder();
    /** How much of {@code raw} has been mapped and sent. */
    private int mappedUpTo;

    CitationStreamSink(TokenSink downstream, List<Passage> sources) {
        this.downstream = downstream;
        this.mapper = new CitationMapper.Incremental(List.copyOf(sources));
    }

    @Override
    public void onToken(String text) {
        raw.append(text);
        // Each token costs only its own length: the tail is looked for at the end, and only the newly stable text is
        // mapped (the stable text never ends inside a marker or in whitespace, so mapping it piece by piece gives
        // what mapping the whole answer gives). Mapping the whole answer at every token was quadratic.
        var tail = OPEN_TAIL.matcher(raw).region(Math.max(mappedUpTo, raw.length() - MAX_OPEN_TAIL), raw.length());
        int stable = tail.find() ? tail.start() : raw.length();
        emit(stable);
    }

    @Override
    public void onQueued(int ahead) {
        downstream.onQueued(ahead);
    }

    /** Sends what was held back; call once the stream has ended (normally or not). */
    void finish() {
        emit(raw.length());
    }

    private void emit(int upTo) {
        if (upTo <= mappedUpTo) {
            return;
        }
        String piece = mapper.next(raw.substring(mappedUpTo, upTo));
        mappedUpTo = upTo;
        if (!piece.isEmpty()) {
            downstream.onToken(piece);
        }
    }
}
