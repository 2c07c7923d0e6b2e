package vn.trolyso.server.browser;

import java.util.List;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.IndexableDocument;

/**
 * A document whose title, section and text carry HTML payloads, indexed beside the real corpus: each payload sets
 * {@code window.__xss} if it ever executes in the widget.
 */
final class HostileDocumentSource implements DocumentSource {
    static final String ID = "thong-bao-kiem-tra-thiet-bi";
    static final String QUESTION = "Lịch kiểm tra máy chiếu và bảng tương tác của trường là khi nào?";

    @Override
    public String name() {
        return "browser-test-hostile";
    }

    @Override
    public String fingerprint() {
        return "hostile-v1";
    }

    @Override
    public List<IndexableDocument> load() {
        DocumentMetadata meta = new DocumentMetadata(ID,
                "Thông báo kiểm tra máy chiếu <img src=x onerror=\"window.__xss='title'\">",
                "Trường <b>Tiểu học</b> thử nghiệm", "", "2025", "Thông báo", DocumentKind.OFFICIAL, "browser-test");
        return List.of(new IndexableDocument(meta, List.of(new Chunk(ID, 0,
                "I. Lịch kiểm tra <script>window.__xss='section'</script>",
                "Lịch kiểm tra máy chiếu và bảng tương tác của trường là sáng thứ Hai hằng tuần "
                        + "<img src=x onerror=\"window.__xss='snippet'\"> do tổ thiết bị thực hiện. "
                        + "<script>window.__xss='script'</script> Giáo viên báo hỏng máy chiếu và bảng tương tác "
                        + "cho tổ thiết bị trước giờ học [link](javascript:window.__xss='link')."))));
    }
}
