package vn.trolyso.eval.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotedFieldsHoldCommasQuotesAndNewlines() {
        String csv = "split,context,question\r\n"
                + "train,\"Điều 2.\tThuật ngữ\nKLTN: Khóa luận, tốt nghiệp\",\"Ai gọi là \"\"Hội đồng\"\"?\"\n"
                + "test,plain,\"\"\n";
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(3, rows.size());
        assertEquals(List.of("split", "context", "question"), rows.get(0));
        assertEquals("Điều 2.\tThuật ngữ\nKLTN: Khóa luận, tốt nghiệp", rows.get(1).get(1));
        assertEquals("Ai gọi là \"Hội đồng\"?", rows.get(1).get(2));
        assertEquals(List.of("test", "plain", ""), rows.get(2));
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a,\"b\n"));
    }

    @Test
    void dedupKeyIgnoresFormAndSpacing() {
        assertEquals(ArticleQuestionSet.dedupKey("Điều  2.\tA\nB"), ArticleQuestionSet.dedupKey("Điều 2.AB"));
        assertEquals(ArticleQuestionSet.dedupKey(java.text.Normalizer.normalize("hóa", java.text.Normalizer.Form.NFD)),
                ArticleQuestionSet.dedupKey("hóa"));
    }
}
