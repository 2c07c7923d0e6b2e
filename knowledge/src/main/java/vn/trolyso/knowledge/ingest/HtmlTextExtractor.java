package vn.trolyso.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Readable text of an HTML page: block elements become lines, list items keep their dash, tables become rows with
 * headers; scripts, styles and site navigation are dropped.
 */
final class HtmlTextExtractor {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "h1", "h2",
            "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption",
            "address", "hr", "tr", "center");

    private HtmlTextExtractor() {
    }

    /** The page text, with the HTML title as the first line when the body does not start with it. */
    static String extract(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template, nav, footer, aside, form, iframe, svg, button").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("table")) {
                        out.append('\n');
                        TableRenderer.render(rows(element)).forEach(line -> out.append(line).append('\n'));
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.matches("h[1-6]")) {
                        // Markdown heading marks: the chunker turns them into section paths
                        out.append('\n').append("#".repeat(tag.charAt(1) - '0')).append(' ');
                    } else if (BLOCKS.contains(tag)) {
                        out.append('\n');
                        if (tag.equals("li")) {
                            out.append("- ");
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append('\n');
                }
                return FilterResult.CONTINUE;
            }
        }, doc.body());
        String body = out.toString();
        String title = doc.title().strip();
        if (!title.isEmpty() && !body.strip().startsWith(title)) {
            return "# " + title + "\n\n" + body;
        }
        return body;
    }

    private static List<List<String>> rows(Element table) {
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            rows.add(tr.children().stream().filter(c -> c.normalName().matches("t[dh]")).map(Element::text).toList());
        }
        return rows;
    }
}
