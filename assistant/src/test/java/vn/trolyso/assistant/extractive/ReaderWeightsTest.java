package vn.trolyso.assistant.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReaderWeightsTest {
    @Test
    void overridesReplaceOnlyTheNamedWeights() {
        ReaderWeights d = ReaderWeights.defaults();
        ReaderWeights w = d.with("minCoverage=0.3, titleWeight=0.9");
        assertEquals(0.3, w.minCoverage());
        assertEquals(0.9, w.titleWeight());
        assertEquals(d.headingWeight(), w.headingWeight());
        assertEquals(d, d.with(""));
        assertEquals(d, ReaderWeights.defaults().with(d.toString()), "toString is a valid override list");
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReaderWeights.defaults()
                .with("minCoverag=0.3"));
        assertTrue(e.getMessage().contains("minCoverage"), e.getMessage());
    }
}
