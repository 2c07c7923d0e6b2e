package vn.trolyso.assistant.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;

/**
 * A small stand-in for the Lucene search over the real bundled corpus (paragraphs ranked by shared words), so the
 * generative tests see real Vietnamese passages without depending on the index being built. Records queries.
 */
final class CorpusSearch implements KnowledgeSearch {
    private final List<Passage> paragraphs = new ArrayList<>();
    final List<String> queries = new ArrayList<>();

    CorpusSearch() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream manifest = resource("corpus/manifest.json")) {
            for (JsonNode d : json.readTree(manifest).get("documents")) {
                String file = d.get("file").asText();
                DocumentMetadata meta = new DocumentMetadata(file.replace(".txt", ""), d.get("title").asText(),
                        d.path("issuer").asText(), d.path("place").asText(), d.path("date").asText(),
                        d.path("type").asText(), DocumentKind.OFFICIAL, file);
                String text;
                try (InputStream in = resource("corpus/" + file)) {
                    text = Normalizer.normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            Normalizer.Form.NFC);
                }
                int ordinal = 0;
                for (String para : text.split("\\n")) {
                    if (para.strip().length() > 60) {
                        paragraphs.add(new Passage(meta, meta.id() + "#" + ordinal, "Mục " + (ordinal + 1),
                                para.strip(), 0f));
                        ordinal++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = CorpusSearch.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    @Override
    public List<Passage> search(SearchQuery query) {
        queries.add(query.text());
        Set<String> terms = words(query.text());
        return paragraphs.stream()
                .map(p -> new Passage(p.document(), p.chunkId(), p.sectionPath(), p.text(), overlap(terms, p)))
                .filter(p -> p.score() >= 2)
                .sorted(Comparator.comparingDouble(Passage::score).reversed())
                .limit(query.limit())
                .toList();
    }

    private static float overlap(Set<String> terms, Passage p) {
        Set<String> w = words(p.text());
        return terms.stream().filter(w::contains).count();
    }

    private static Set<String> words(String s) {
        return new HashSet<>(Arrays.asList(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    }
}
