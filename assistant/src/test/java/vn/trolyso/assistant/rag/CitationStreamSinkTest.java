package vn.trolyso.assistant.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.citation.CitationMapper;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;

class CitationStreamSinkTest {
    private static final List<Passage> SOURCES = new CorpusSearch()
            .search(SearchQuery.of("mục tiêu phụ huynh học sinh kỹ năng số năm 2030 Kiến An", 3));
    private static final String RAW = "Theo kế hoạch, đến năm 2030 trên 90% phụ huynh có kỹ năng số [3]. "
            + "Năm 2025 mục tiêu là 80% [1][3]. Một nguồn không có [7] bị bỏ.\n[2] Và (ghi chú) [ không phải dấu.";

    private static String streamed(List<String> pieces) {
        List<String> out = new ArrayList<>();
        CitationStreamSink sink = new CitationStreamSink(out::add, SOURCES);
        pieces.forEach(sink::onToken);
        sink.finish();
        return String.join("", out);
    }

    @Test
    void streamedTextEqualsTheFinalMappedTextWhateverTheSplit() {
        String expected = CitationMapper.map(RAW, SOURCES).text();
        assertEquals(expected, streamed(List.of(RAW)));
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> pieces = new ArrayList<>();
            int i = 0;
            while (i < RAW.length()) {
                int n = Math.min(RAW.length() - i, 1 + random.nextInt(6));
                pieces.add(RAW.substring(i, i + n));
                i += n;
            }
            assertEquals(expected, streamed(pieces), pieces.toString());
        }
    }

    @Test
    void markersAreRenumberedInOrderOfFirstUse() {
        assertEquals("Ý một [1], ý hai [2][1].", streamed(List.of("Ý một [", "3], ý hai [1]", "[3].")));
    }
}
