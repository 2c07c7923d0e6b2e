package vn.trolyso.assistant.answering;

import java.util.ArrayList;
import java.util.List;
import vn.trolyso.assistant.text.Terms;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.search.Passage;

/** Whether a question names the school, ward or district that issued one of the retrieved documents. */
final class DocumentNames {
    private DocumentNames() {
    }

    static boolean namedIn(String question, List<Passage> passages) {
        List<String> names = capitalisedRuns(question);
        if (names.isEmpty()) {
            return false;
        }
        for (Passage p : passages) {
            if (p.document().kind() != DocumentKind.OFFICIAL) {
                continue;
            }
            String issuer = " " + String.join(" ", Terms.tokens(p.document().issuer() + " " + p.document().title())
                    .stream().map(Terms::fold).toList()) + " ";
            for (String name : names) {
                if (issuer.contains(" " + name + " ")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs of two or more capitalised words ("Đoàn Lập", "Ngô Gia Tự"), folded. */
    static List<String> capitalisedRuns(String text) {
        List<String> runs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String token : Terms.rawTokens(text + " .")) {
            boolean capitalised = Character.isUpperCase(token.charAt(0)) && token.length() > 1
                    && !token.equals(token.toUpperCase(java.util.Locale.ROOT));
            if (capitalised) {
                current.add(Terms.fold(token));
            } else {
                if (current.size() >= 2) {
                    runs.add(String.join(" ", current));
                }
                current.clear();
            }
        }
        return runs;
    }
}
