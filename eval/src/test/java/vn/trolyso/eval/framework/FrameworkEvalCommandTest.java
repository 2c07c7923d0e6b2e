package vn.trolyso.eval.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.trolyso.eval.qa.QaItem;
import vn.trolyso.eval.qa.QaSet;
import vn.trolyso.knowledge.framework.FrameworkLoader;

class FrameworkEvalCommandTest {
    @Test
    void everyFrameworkItemIsAnsweredExactly() {
        QaSet items = QaSet.bundled().ofKind("framework");
        assertTrue(items.fromFile("framework-qa.jsonl").size() >= 30);
        assertTrue(items.fromFile("dev-qa.jsonl").size() >= 2);
        List<FrameworkEvalCommand.Result> results = FrameworkEvalCommand.score(items, FrameworkLoader.loadBundled());
        List<String> misses = results.stream().filter(r -> !r.exact())
                .map(r -> r.item().id() + " " + r.item().question() + " → " + r.answer()).toList();
        assertEquals(List.of(), misses);
    }

    @Test
    void forbiddenStringsMakeAnAnswerInexact() {
        QaItem item = new QaItem("x", "framework", "q", null, List.of("TC2"), null, null, false, List.of("TC1"), null);
        assertTrue(FrameworkEvalCommand.isExact(item, "bậc 4 (tc2)"));
        assertFalse(FrameworkEvalCommand.isExact(item, "bậc 4 (TC2), không phải TC1"));
        assertFalse(FrameworkEvalCommand.isExact(item, "bậc 3"));
    }
}
