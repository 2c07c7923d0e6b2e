package vn.trolyso.knowledge.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.text.VietnameseAnalyzers;

/**
 * The Lucene document of one chunk: the search fields (section path + text in every analysis view, the title)
 * and, stored, everything a search result shows, so a search needs no second lookup.
 */
public final class ChunkFields {
    public static final String CHUNK_ID = "id";
    public static final String DOCUMENT_ID = "doc";
    public static final String KIND = "kind";
    public static final String TITLE_SEARCH = VietnameseAnalyzers.TITLE;
    static final String ORDINAL = "ord";
    static final String SECTION = "section";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String ISSUER = "issuer";
    static final String PLACE = "place";
    static final String DATE = "date";
    static final String TYPE = "type";
    static final String SOURCE = "source";

    private ChunkFields() {
    }

    public static Document toDocument(DocumentMetadata metadata, Chunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(CHUNK_ID, chunk.id(), Field.Store.YES));
        doc.add(new StringField(DOCUMENT_ID, metadata.id(), Field.Store.YES));
        doc.add(new StringField(KIND, metadata.kind().name(), Field.Store.YES));
        doc.add(new StoredField(ORDINAL, chunk.ordinal()));
        doc.add(new StoredField(SECTION, chunk.sectionPath()));
        doc.add(new StoredField(TEXT, chunk.text()));
        doc.add(new StoredField(TITLE, metadata.title()));
        doc.add(new StoredField(ISSUER, metadata.issuer()));
        doc.add(new StoredField(PLACE, metadata.place()));
        doc.add(new StoredField(DATE, metadata.date()));
        doc.add(new StoredField(TYPE, metadata.type()));
        doc.add(new StoredField(SOURCE, metadata.source()));
        String searchable = searchableText(metadata, chunk);
        for (String field : VietnameseAnalyzers.FIELDS) {
            doc.add(new TextField(field, searchable, Field.Store.NO));
        }
        doc.add(new TextField(TITLE_SEARCH, metadata.title(), Field.Store.NO));
        return doc;
    }

    /**
     * What the search fields see: the document's title and issuer, the section path, then the passage. The
     * context makes a short passage ("4. Đối tượng tham dự: CBQL, GV …") findable by the words that name its
     * document ("tập huấn Day of AI ở Đồ Sơn"), while the passage's own words still decide between passages.
     */
    public static String searchableText(DocumentMetadata metadata, Chunk chunk) {
        StringBuilder sb = new StringBuilder();
        if (!metadata.title().isBlank()) {
            sb.append(metadata.title()).append('\n');
        }
        if (!metadata.issuer().isBlank()) {
            sb.append(metadata.issuer()).append('\n');
        }
        if (!chunk.sectionPath().isBlank()) {
            sb.append(chunk.sectionPath()).append('\n');
        }
        return sb.append(chunk.text()).toString();
    }

    public static DocumentMetadata metadata(Document doc) {
        return new DocumentMetadata(doc.get(DOCUMENT_ID), doc.get(TITLE), doc.get(ISSUER), doc.get(PLACE),
                doc.get(DATE), doc.get(TYPE), DocumentKind.valueOf(doc.get(KIND)), doc.get(SOURCE));
    }

    public static Chunk chunk(Document doc) {
        return new Chunk(doc.get(DOCUMENT_ID), doc.getField(ORDINAL).numericValue().intValue(),
                doc.get(SECTION), doc.get(TEXT));
    }
}
