package vn.trolyso.eval.qa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One question of a QA set (format: /work/shared/eval/README.md).
 *
 * @param id      stable id
 * @param kind    fact, noaccent, tone, abbrev, refuse, inject, multiturn, framework, … (free text)
 * @param q       the question (single-turn items)
 * @param turns   the conversation (multiturn items; the last turn is the follow-up)
 * @param any     the answer is right when it contains one of these (NFC, case-insensitive)
 * @param doc     the bundled document (file name) holding the answer, when there is one
 * @param passage strings a retrieved passage holding the answer contains
 * @param refuse  whether declining is the right behaviour
 * @param forbid  strings the answer must not contain
 * @param source  the QA file the item came from (set by {@link QaSet})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QaItem(String id, String kind, String q, List<String> turns, List<String> any, String doc,
                     List<String> passage, boolean refuse, List<String> forbid, String source) {
    public QaItem {
        kind = kind == null ? "" : kind;
        turns = turns == null ? List.of() : List.copyOf(turns);
        any = any == null ? List.of() : List.copyOf(any);
        passage = passage == null ? List.of() : List.copyOf(passage);
        forbid = forbid == null ? List.of() : List.copyOf(forbid);
        source = source == null ? "" : source;
    }

    /** The question to ask: {@code q}, or the last turn of a conversation. */
    public String question() {
        if (q != null && !q.isBlank()) {
            return q;
        }
        return turns.isEmpty() ? "" : turns.get(turns.size() - 1);
    }

    /** Whether the item can score retrieval: it names the document and the passage strings. */
    public boolean isRetrieval() {
        return doc != null && !doc.isBlank() && !passage.isEmpty();
    }

    /** The document id of {@link #doc()}: the file name without its extension. */
    public String docId() {
        if (doc == null) {
            return null;
        }
        int dot = doc.lastIndexOf('.');
        return dot > 0 ? doc.substring(0, dot) : doc;
    }

    QaItem withSource(String file) {
        return new QaItem(id, kind, q, turns, any, doc, passage, refuse, forbid, file);
    }
}
