package vn.trolyso.assistant.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.search.Passage;

class CitationMapperTest {
    private static Passage passage(String id) {
        DocumentMetadata d = new DocumentMetadata(id, "Kế hoạch " + id, "UBND", "", "", "Kế hoạch",
                DocumentKind.OFFICIAL, id + ".txt");
        return new Passage(d, id + "#0", "I. MỤC ĐÍCH", "Nội dung của " + id + ".", 1f);
    }

    @Test
    void renumbersInOrderOfUseAndDropsDanglingMarkers() {
        var mapped = CitationMapper.map("Mục tiêu là 90% [3]. Thời gian năm 2030 [1][3]. Sai [7].",
                List.of(passage("a"), passage("b"), passage("c")));
        assertEquals("Mục tiêu là 90% [1]. Thời gian năm 2030 [2][1]. Sai.", mapped.text());
        assertEquals(List.of("c", "a"), mapped.citations().stream().map(c -> c.documentId()).toList());
        assertEquals(1, mapped.citations().get(0).n());
    }

    @Test
    void longSnippetsAreCutAtAWordBoundary() {
        String s = CitationMapper.snippet("từ ".repeat(200));
        assertEquals(true, s.length() <= 241 && s.endsWith("…"));
    }
}
