package vn.trolyso.assistant.rag;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import java.util.Map;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.search.Passage;

/**
 * Carries a {@link Passage} through LangChain4j's RAG pipeline: every field the citation needs is kept in the
 * TextSegment metadata (LangChain4j metadata only holds strings and numbers), so the passage can be rebuilt from any
 * Content the retriever, aggregator or injector hands on.
 */
public final class PassageContents {
    static final String DOCUMENT_ID = "document_id";
    static final String TITLE = "title";
    static final String ISSUER = "issuer";
    static final String PLACE = "place";
    static final String DATE = "date";
    static final String TYPE = "type";
    static final String KIND = "kind";
    static final String SOURCE = "source";
    static final String CHUNK_ID = "chunk_id";
    static final String SECTION = "section";
    static final String SCORE = "score";

    private PassageContents() {
    }

    public static Content toContent(Passage p) {
        DocumentMetadata d = p.document();
        Metadata m = new Metadata()
                .put(DOCUMENT_ID, d.id()).put(TITLE, d.title()).put(ISSUER, d.issuer()).put(PLACE, d.place())
                .put(DATE, d.date()).put(TYPE, d.type()).put(KIND, d.kind().name()).put(SOURCE, d.source())
                .put(CHUNK_ID, p.chunkId()).put(SECTION, p.sectionPath()).put(SCORE, p.score());
        return Content.from(TextSegment.from(p.text(), m), Map.of(ContentMetadata.SCORE, (double) p.score()));
    }

    /** The passage a Content was made from (its text may have been trimmed to fit the prompt). */
    public static Passage toPassage(Content c) {
        Metadata m = c.textSegment().metadata();
        DocumentMetadata d = new DocumentMetadata(m.getString(DOCUMENT_ID), m.getString(TITLE), m.getString(ISSUER),
                m.getString(PLACE), m.getString(DATE), m.getString(TYPE), DocumentKind.valueOf(m.getString(KIND)),
                m.getString(SOURCE));
        Float score = m.getFloat(SCORE);
        return new Passage(d, m.getString(CHUNK_ID), m.getString(SECTION), c.textSegment().text(),
                score == null ? 0f : score);
    }

    /** The same content with its text replaced (used when trimming to the token budget). */
    static Content withText(Content c, String text) {
        return Content.from(TextSegment.from(text, c.textSegment().metadata().copy()), c.metadata());
    }
}
