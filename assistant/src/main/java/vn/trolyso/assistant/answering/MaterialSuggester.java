package vn.trolyso.assistant.answering;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.trolyso.assistant.extractive.ExtractiveAnswerer;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.search.InvalidQueryException;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;

/** Picks a training material (DocumentKind.MATERIAL) that matches the question well enough to suggest next. */
final class MaterialSuggester {
    private static final double MIN_COVERAGE = 0.6;
    private final KnowledgeSearch search;
    private final ExtractiveAnswerer matcher = new ExtractiveAnswerer(MIN_COVERAGE, 1);

    MaterialSuggester(KnowledgeSearch search) {
        this.search = search;
    }

    /** The title of the best matching material, if one covers the question well. */
    Optional<String> suggest(String question) {
        List<Passage> materials;
        try {
            materials = search.search(new SearchQuery(question, 3, Set.of(), Set.of(DocumentKind.MATERIAL)));
        } catch (InvalidQueryException e) {
            return Optional.empty();
        }
        if (materials.isEmpty()) {
            return Optional.empty();
        }
        return matcher.extract(question, materials.subList(0, 1)).map(e -> materials.getFirst().document().title());
    }
}
