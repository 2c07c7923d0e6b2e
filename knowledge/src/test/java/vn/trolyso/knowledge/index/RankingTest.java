package vn.trolyso.knowledge.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankingTest {
    @Test
    void withChangesOneParameterByName() {
        Ranking r = Ranking.defaults().with("bigramK1", 0.9).with("LEARNABBREVIATIONS", 0);
        assertEquals(0.9f, r.bigramK1());
        assertEquals(Ranking.defaults().k1(), r.k1());
        assertEquals(false, r.learnAbbreviations());
        assertThrows(IllegalArgumentException.class, () -> Ranking.defaults().with("nope", 1));
        assertTrue(Ranking.names().startsWith("exact,exactBigrams,"));
    }

    @Test
    void theNineParameterFormSharesK1AndBWithTheBigramFields() {
        Ranking r = new Ranking(1, 1, 0.1f, 0.1f, 1, 0.2f, 1.5f, 0.6f, true);
        assertEquals(1.5f, r.bigramK1());
        assertEquals(0.6f, r.bigramB());
        assertEquals(Ranking.defaults().expansion(), r.expansion());
    }
}
