package vn.trolyso.knowledge.framework;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms Điều 2 of the circular defines, as the bundled reference ({@code khung-nang-luc-so.md}, section 1.3)
 * quotes them. Only definitions the reference marks as confirmed by two or more sources ("[2+]") are kept: the
 * others are marked unverified there and are not quoted as the law.
 */
public final class FrameworkTerms {
    static final String RESOURCE = "/framework/khung-nang-luc-so.md";
    /** "- **Năng lực số** "là khả năng …" [2+] (…)". */
    private static final Pattern DEFINITION = Pattern.compile("^- \\*\\*(.+?)\\*\\*\\s*\"(.+?)\"\\s*\\[2\\+\\]");

    /** A defined term and its definition ("là khả năng …"). */
    public record Term(String name, String definition) {
    }

    private FrameworkTerms() {
    }

    /**
     * The confirmed definitions of the bundled reference; none when it is missing or has no such section. Read once:
     * every FrameworkDocument (the answerer's and the index's) asks for them.
     */
    public static List<Term> bundled() {
        return Bundled.TERMS;
    }

    /** Holder: the resource is read the first time {@link #bundled()} is called, and only then. */
    private static final class Bundled {
        static final List<Term> TERMS = read();
    }

    private static List<Term> read() {
        try (InputStream in = FrameworkTerms.class.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Term> parse(String markdown) {
        List<Term> out = new ArrayList<>();
        boolean inTerms = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                inTerms = line.contains("thuật ngữ");
                continue;
            }
            Matcher m = DEFINITION.matcher(line.strip());
            if (inTerms && m.find()) {
                out.add(new Term(m.group(1).strip(), m.group(2).strip()));
            }
        }
        return List.copyOf(out);
    }
}
