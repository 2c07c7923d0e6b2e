package vn.trolyso.knowledge.search.dense;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import vn.trolyso.knowledge.search.TextEmbedder;

/**
 * A stand-in for an embedding model that knows a few synonyms across languages ("artificial intelligence" =
 * "trí tuệ nhân tạo"): each text becomes a hashed bag of its words after the synonyms are mapped to one concept, so
 * cosine finds a passage that shares no word with the query. Counts the texts it embeds; can be made to fail.
 */
public final class ConceptEmbedder implements TextEmbedder {
    private static final int DIMENSIONS = 256;
    private static final Map<String, String> CONCEPTS = Map.of(
            "trí tuệ nhân tạo", " concept_ai ",
            "artificial intelligence", " concept_ai ",
            "an toàn số", " concept_safety ",
            "online safety", " concept_safety ");

    public final AtomicInteger textsEmbedded = new AtomicInteger();
    public final AtomicInteger calls = new AtomicInteger();
    public volatile boolean fail;
    private final String model;

    public ConceptEmbedder(String model) {
        this.model = model;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        calls.incrementAndGet();
        if (fail) {
            throw new EmbeddingUnavailableException("connection_refused: nothing listens", null);
        }
        textsEmbedded.addAndGet(texts.size());
        List<float[]> out = new ArrayList<>();
        for (String text : texts) {
            String t = " " + text.toLowerCase(Locale.ROOT) + " ";
            for (Map.Entry<String, String> c : CONCEPTS.entrySet()) {
                t = t.replace(c.getKey(), c.getValue());
            }
            float[] v = new float[DIMENSIONS];
            for (String word : t.split("[^\\p{L}\\p{N}_]+")) {
                if (!word.isEmpty()) {
                    v[Math.floorMod(word.hashCode(), DIMENSIONS)] += word.startsWith("concept_") ? 5 : 1;
                }
            }
            out.add(v);
        }
        return out;
    }
}
