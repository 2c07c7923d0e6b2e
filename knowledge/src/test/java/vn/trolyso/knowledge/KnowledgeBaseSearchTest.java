package vn.trolyso.knowledge;

import vn.trolyso.knowledge.text.VietnameseText;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.trolyso.knowledge.document.BundledCorpusSource;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.search.InvalidQueryException;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;

/** Search over the real bundled corpus: questions as teachers type them, filters, bad input. */
class KnowledgeBaseSearchTest {
    @TempDir
    static Path dataDir;
    private static KnowledgeBase kb;

    @BeforeAll
    static void open() {
        kb = KnowledgeBase.open(dataDir, List.of(new BundledCorpusSource()));
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    private static boolean inTop(String question, int k, String documentId, String passageText) {
        return kb.search(SearchQuery.of(question, k)).stream()
                .anyMatch(p -> p.document().id().equals(documentId) && p.text().contains(passageText));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Chương trình Day of AI do tổ chức nào khởi xướng?|ke-hoach-tap-huan-day-of-ai-do-son|khởi xướng",
            "Địa điểm tập huấn Day of AI ở Đồ Sơn?|ke-hoach-tap-huan-day-of-ai-do-son|Lý Thánh Tông",
            "Trường Ngô Gia Tự thành lập tổ nào để triển khai AI?|ke-hoach-ung-dung-ai-th-ngo-gia-tu|Tổ công tác",
            "Nguồn học liệu số cấp mầm non ở Phú Nhuận bao nhiêu phần trăm?|cong-van-giao-duc-thong-minh-phu-nhuan|25%/khối lớp",
            "Hệ thống cơ sở dữ liệu ngành giáo dục TP.HCM có địa chỉ nào?|cong-van-giao-duc-thong-minh-phu-nhuan|csdl.hcm.edu.vn",
            "khung nang luc so hoc sinh kien an 2030|ke-hoach-binh-dan-hoc-vu-so-kien-an|Trên 80% các cơ sở giáo dục phổ thông",
            "thu vien dien tu trung tam hoc tap cong dong phuong may|cong-van-giao-duc-thong-minh-phu-nhuan|phường 13",
            "Uỷ ban nhân dân phường Kiến An giao Trung tâm sự nghiệp công nhiệm vụ gì?|ke-hoach-binh-dan-hoc-vu-so-kien-an|Trung tâm sự nghiệp công",
            "Đối tượng tham dự là CBQL, GV trường nào?|ke-hoach-tap-huan-day-of-ai-do-son|Đối tượng tham dự"})
    void realQuestionsFindTheirPassageInTheTopFive(String question, String documentId, String passage) {
        assertTrue(inTop(question, 5, documentId, passage), () -> question + " -> " + kb.search(SearchQuery.of(question, 5))
                .stream().map(p -> p.chunkId() + " " + p.score()).toList());
    }

    @Test
    void aLowercaseAiQueryFindsThePassagesAboutAi() {
        // "ai" is also the question word "who"; alone it is the topic, and the AI plans' passages are found
        List<Passage> top = kb.search(SearchQuery.of("ai", 5));
        assertEquals(5, top.size());
        assertTrue(top.stream().allMatch(p -> VietnameseText.fold(p.text() + " " + p.document().title())
                .matches("(?s).*\\bai\\b.*")), () -> top.stream().map(Passage::chunkId).toList().toString());
    }

    @Test
    void aWordSpelledWithIOrYIsOneWord() {
        // The bundled plans write both "kĩ năng" and "kỹ năng", "qui định" and "quy định", "tỉ lệ" and "tỷ lệ".
        for (String[] pair : new String[][] {{"kĩ năng", "kỹ năng"}, {"qui định", "quy định"}, {"tỉ lệ", "tỷ lệ"}}) {
            assertTrue(kb.passagesWithWord(pair[1]) > 0, pair[1]);
            assertEquals(kb.passagesWithWord(pair[1]), kb.passagesWithWord(pair[0]), pair[0]);
        }
        assertTrue(inTop("trang bị kỹ năng số cơ bản cho học sinh Đoàn Lập", 5,
                "ke-hoach-an-toan-khong-gian-mang-th-doan-lap", "kĩ năng số cơ bản"));
    }

    @Test
    void thePlacesOfTheDocumentsAreKnownByTheirInitials() {
        assertEquals("Phú Nhuận", kb.abbreviations().expansion("PN"));
        assertEquals("Kiến An", kb.abbreviations().expansion("KA"));
        assertTrue(inTop("CBQL, GV ở PN phải kích hoạt tài khoản gì?", 5, "cong-van-giao-duc-thong-minh-phu-nhuan",
                "định danh điện tử"));
    }

    @Test
    void countsThePassagesUsingAWordOrAName() {
        assertTrue(kb.passagesWithWord("tập huấn") > 0, "a two-syllable phrase of the corpus");
        assertTrue(kb.passagesWithWord("Kiến An") > 0);
        assertTrue(kb.passagesWithWord("kien an") > 0, "typed without diacritics");
        // Looked up with its diacritics: folded, "lương" would be found as "lượng" and "bơi" as "bồi".
        assertEquals(0, kb.passagesWithWord("lương"));
        assertEquals(0, kb.passagesWithWord("bơi"));
        assertEquals(0, kb.passagesWithWord("Lê Lợi"));
        assertEquals(-1, kb.passagesWithWord("  "));
    }

    @Test
    void passagesCarryMetadataSectionAndScore() {
        List<Passage> top = kb.search(SearchQuery.of("Kinh phí tập huấn Day of AI", 3));
        assertEquals(3, top.size());
        Passage first = top.get(0);
        assertFalse(first.document().title().isBlank());
        assertFalse(first.document().issuer().isBlank());
        assertFalse(first.sectionPath().isBlank());
        assertTrue(first.chunkId().startsWith(first.document().id() + "#"));
        assertTrue(top.get(0).score() >= top.get(1).score() && top.get(1).score() >= top.get(2).score());
    }

    @Test
    void bothTonePlacementsAndNoDiacriticsFindTheSamePassage() {
        String uy = kb.search(SearchQuery.of("Uỷ ban nhân dân phường Đồ Sơn tham mưu kế hoạch tập huấn", 1))
                .get(0).chunkId();
        assertEquals(uy, kb.search(SearchQuery.of("Ủy ban nhân dân phường Đồ Sơn tham mưu kế hoạch tập huấn", 1))
                .get(0).chunkId());
        assertEquals(uy, kb.search(SearchQuery.of("uy ban nhan dan phuong do son tham muu ke hoach tap huan", 1))
                .get(0).chunkId());
    }

    @Test
    void filtersByDocumentAndKind() {
        String id = "cong-van-giao-duc-thong-minh-phu-nhuan";
        List<Passage> only = kb.search(new SearchQuery("kỹ năng số cho học sinh", 10, Set.of(id), Set.of()));
        assertFalse(only.isEmpty());
        only.forEach(p -> assertEquals(id, p.document().id()));
        assertTrue(kb.search(new SearchQuery("kỹ năng số", 10, Set.of(), Set.of(DocumentKind.MATERIAL))).isEmpty());
        assertFalse(kb.search(new SearchQuery("kỹ năng số", 10, Set.of(), Set.of(DocumentKind.OFFICIAL))).isEmpty());
        assertTrue(kb.search(new SearchQuery("kỹ năng số", 10, Set.of("no-such-doc"), Set.of())).isEmpty());
    }

    @Test
    void badInputGivesCodedErrorsOrSaneResults() {
        assertEquals("empty_query", assertThrows(InvalidQueryException.class,
                () -> kb.search(SearchQuery.of("", 5))).code());
        assertEquals("empty_query", assertThrows(InvalidQueryException.class,
                () -> kb.search(SearchQuery.of(" \n\t ", 5))).code());
        assertEquals("empty_query", assertThrows(InvalidQueryException.class,
                () -> kb.search(SearchQuery.of(null, 5))).code());
        InvalidQueryException tooLong = assertThrows(InvalidQueryException.class,
                () -> kb.search(SearchQuery.of("kỹ năng số ".repeat(1000), 5)));
        assertEquals("query_too_long", tooLong.code());
        assertTrue(tooLong.getMessage().contains("quá dài"), "Vietnamese message for people");
        assertEquals("invalid_limit", assertThrows(InvalidQueryException.class,
                () -> kb.search(SearchQuery.of("kỹ năng số", 0))).code());
        assertEquals("invalid_limit", assertThrows(InvalidQueryException.class,
                () -> kb.search(SearchQuery.of("kỹ năng số", 51))).code());
        assertEquals(List.of(), kb.search(SearchQuery.of("( * \" ) ?", 5)), "punctuation only: nothing to find");
        assertFalse(assertDoesNotThrow(() -> kb.search(SearchQuery.of("AND ( * \" kỹ năng số OR NOT", 5)))
                .isEmpty(), "query syntax is just text");
        assertFalse(kb.search(SearchQuery.of("kỹ\u0000 năng\u0007 số\u001b", 5)).isEmpty(), "control characters");
        assertFalse(kb.search(SearchQuery.of("giáo viên ".repeat(199), 5)).isEmpty(), "long but allowed");
    }

    @Test
    void listsDocumentsAndReturnsOneWithItsChunks() {
        List<DocumentSummary> docs = kb.documents();
        assertEquals(5, docs.size());
        docs.forEach(d -> assertTrue(d.chunkCount() > 5, d.metadata().id()));
        var doc = kb.document("ke-hoach-tap-huan-day-of-ai-do-son").orElseThrow();
        assertEquals(docs.stream().filter(d -> d.metadata().id().equals(doc.metadata().id())).findFirst()
                .orElseThrow().chunkCount(), doc.chunks().size());
        for (int i = 0; i < doc.chunks().size(); i++) {
            assertEquals(i, doc.chunks().get(i).ordinal());
        }
        assertTrue(kb.document("nope").isEmpty());
        assertEquals(5, kb.status().documents());
    }
}
