package vn.trolyso.eval.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QaSetTest {
    @Test
    void loadsTheBundledDevSet() {
        QaSet dev = QaSet.bundled().fromFile("dev-qa.jsonl");
        assertTrue(dev.size() >= 25, "dev set has its 25 items");
        QaItem d01 = dev.items().stream().filter(i -> i.id().equals("d01")).findFirst().orElseThrow();
        assertEquals("fact", d01.kind());
        assertEquals("ke-hoach-tap-huan-day-of-ai-do-son", d01.docId());
        assertTrue(d01.isRetrieval());
        assertTrue(dev.retrieval().size() >= 15);
    }

    @Test
    void multiturnQuestionIsTheLastTurn() {
        QaItem item = QaSet.bundled().items().stream().filter(i -> i.kind().equals("multiturn"))
                .findFirst().orElseThrow();
        assertEquals(item.turns().get(item.turns().size() - 1), item.question());
    }

    @Test
    void refusalItemsAreNotRetrievalItems() {
        QaSet refusals = QaSet.bundled().ofKind("refuse", "inject");
        assertFalse(refusals.items().isEmpty());
        refusals.items().forEach(i -> {
            assertTrue(i.refuse());
            assertFalse(i.isRetrieval());
        });
    }

    @Test
    void badLineNamesFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QaSet.parse("{\"id\":\"a\",\"q\":\"x\"}\n{\"id\":\"b\"}\n", "mine.jsonl"));
        assertTrue(e.getMessage().startsWith("mine.jsonl line 2"), e.getMessage());
        assertEquals(List.of("x"), QaSet.parse("{\"id\":\"a\",\"q\":\"x\",\"extra\":1}\n\n", "f").stream()
                .map(QaItem::question).toList());
    }
}
