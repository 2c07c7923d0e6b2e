package vn.trolyso.eval.qa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.trolyso.eval.EvalCommand;
import vn.trolyso.eval.CommonOptions;
import vn.trolyso.eval.report.JsonReport;
import vn.trolyso.eval.report.Table;

/** {@code qa-sets}: what the bundled QA files hold (items per file and kind, retrieval-scorable items). */
@Command(name = "qa-sets",
        description = "list the bundled question sets (eval/src/main/resources/qa/*.jsonl) by file and kind")
public final class QaSetsCommand implements EvalCommand {
    @Mixin
    private CommonOptions common;

    @Override
    public int execute() {
        QaSet all = QaSet.bundled();
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (QaItem item : all.items()) {
            counts.computeIfAbsent(item.source(), f -> new TreeMap<>()).merge(item.kind(), 1, Integer::sum);
        }
        Table table = new Table("file", "kind", "items");
        counts.forEach((file, kinds) -> kinds.forEach((kind, n) -> table.row(file, kind, n)));
        table.print(System.out);
        System.out.println("total " + all.size() + " items, " + all.retrieval().size() + " with doc+passage");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("n", all.size());
        figures.put("retrieval_items", all.retrieval().size());
        figures.put("by_file_and_kind", counts);
        JsonReport.writeIfRequested(common.out(), figures);
        return 0;
    }
}
