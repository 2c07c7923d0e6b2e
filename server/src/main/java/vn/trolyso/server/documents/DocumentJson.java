package vn.trolyso.server.documents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.ingest.BackgroundIndexer;
import vn.trolyso.knowledge.ingest.StoredDocument;

/** The JSON shapes of the document administration API. */
public final class DocumentJson {
    private DocumentJson() {
    }

    /**
     * An uploaded document as stored; {@code guessed} lists the metadata fields read from the text, {@code kept} those
     * left blank and kept from the version it replaced.
     */
    static Map<String, Object> stored(StoredDocument d, boolean replaced, List<String> guessed, List<String> kept) {
        Map<String, Object> m = storedFields(d);
        m.put("replaced", replaced);
        m.put("guessed", guessed);
        m.put("kept", kept);
        return m;
    }

    static Map<String, Object> storedFields(StoredDocument d) {
        DocumentMetadata meta = d.metadata();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", meta.id());
        m.put("title", meta.title());
        m.put("issuer", meta.issuer());
        m.put("place", meta.place());
        m.put("date", meta.date());
        m.put("type", meta.type());
        m.put("fileName", meta.source());
        m.put("format", format(d));
        m.put("sizeBytes", d.sizeBytes());
        m.put("characters", d.characters());
        m.put("uploadedAt", d.uploadedAt());
        return m;
    }

    static String format(StoredDocument d) {
        return d.format().name().toLowerCase(Locale.ROOT);
    }

    /** What the background indexer is doing, plus what the live index holds. */
    public static Map<String, Object> indexing(BackgroundIndexer.Status s, Optional<KnowledgeBase> kb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state());
        m.put("done", s.done());
        m.put("total", s.total());
        m.put("reason", s.reason());
        m.put("startedAt", instant(s.startedAt()));
        m.put("finishedAt", instant(s.finishedAt()));
        m.put("lastDurationMs", s.lastDurationMs());
        m.put("lastError", s.lastError());
        m.put("completedRuns", s.completedRuns());
        kb.ifPresent(k -> {
            m.put("documents", k.status().documents());
            m.put("passages", k.status().chunks());
        });
        return m;
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
