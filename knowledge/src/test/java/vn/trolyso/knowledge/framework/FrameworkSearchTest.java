package vn.trolyso.knowledge.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.KnowledgeSources;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;

/** Free-text questions the recogniser does not take still find the framework passages in the real index. */
class FrameworkSearchTest {
    @TempDir
    Path dataDir;

    @Test
    void defaultSourcesIncludeTheFramework() {
        List<DocumentSource> sources = KnowledgeSources.defaults(dataDir);
        assertTrue(sources.stream().anyMatch(s -> s.name().equals("competency-framework")), sources.toString());
    }

    @Test
    void frameworkPassagesAreRetrievedByFreeText() {
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir, KnowledgeSources.defaults(dataDir))) {
            List<Passage> hits = kb.search(SearchQuery.of("chính sách quyền riêng tư và thông tin định danh cá nhân", 5));
            Passage top = hits.get(0);
            assertEquals(FrameworkDocument.ID, top.document().id());
            assertTrue(top.sectionPath().contains("4.2 Bảo vệ dữ liệu cá nhân và quyền riêng tư"), top.sectionPath());

            List<Passage> unaccented = kb.search(SearchQuery.of("chuoi cau lenh de hieu cho he thong may tinh", 5));
            assertTrue(unaccented.stream().limit(3).anyMatch(p -> p.sectionPath().contains("3.4 Lập trình")),
                    unaccented.stream().map(Passage::sectionPath).toList().toString());
        }
    }
}
