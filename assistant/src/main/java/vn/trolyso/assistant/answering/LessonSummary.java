package vn.trolyso.assistant.answering;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.trolyso.assistant.Citation;
import vn.trolyso.knowledge.materials.Material;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * "Tóm tắt bài này" asked from a module: answered with the module's own summary and section headings, cited, rather
 * than from retrieved sentences (a summary is about the whole module, which no single passage covers).
 */
final class LessonSummary {
    /** "tóm tắt" / "tóm lược" / "bài này nói về gì" and similar, compared without diacritics. */
    private static final Pattern REQUEST = Pattern.compile(
            "^(hay |xin |cho (toi|em|minh) )?(tom (tat|luoc)|noi dung chinh|y chinh)\\b.*"
                    + "|^(bai|bai hoc|hoc phan) (nay )?(noi|viet|de cap) (ve )?(gi|nhung gi|dieu gi)\\b.*");

    private LessonSummary() {
    }

    /** Whether the message asks for a summary of the lesson it is asked from. */
    static boolean isRequest(String message) {
        String folded = VietnameseText.stripDiacritics(message.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
        return REQUEST.matcher(folded).matches();
    }

    /** The summary answer: the module's summary [1], its duration and its section headings. */
    static String text(Material lesson) {
        StringBuilder text = new StringBuilder("Bài “").append(lesson.title()).append("” (khoảng ")
                .append(lesson.durationMinutes()).append(" phút): ").append(lesson.summary().strip()).append(" [1]");
        List<Material.Section> sections = lesson.sections();
        if (!sections.isEmpty()) {
            text.append("\n\nBài học gồm các phần:");
            sections.forEach(s -> text.append("\n- ").append(s.heading()));
        }
        return text.toString();
    }

    static List<Citation> citations(Material lesson) {
        return List.of(new Citation(1, lesson.id(), lesson.title(), "", "Tóm tắt bài học", lesson.summary().strip()));
    }
}
