package vn.trolyso.server.testing;

/** Learning modules (Markdown with front matter) for the tests that upload them. */
public final class SampleModules {
    private SampleModules() {
    }

    /** A valid module for teachers (competency 5.3, levels 4–5) whose text holds {@code phrase}. */
    public static String module(String id, String title, String phrase) {
        return """
                ---
                id: %s
                title: "%s"
                competencies: ["5.3"]
                levels: [4, 5]
                audience: [GV]
                duration_minutes: 20
                summary: "Tổ chức trò chơi ôn tập trực tuyến cho cả lớp."
                ---

                ## Chuẩn bị
                %s Giáo viên soạn câu hỏi trước, kiểm tra đường truyền và chia nhóm học sinh.

                ## Câu hỏi kiểm tra
                1. Việc nào nên làm trước giờ chơi?
                   - [x] Kiểm tra đường truyền
                   - [ ] Tắt máy chiếu
                2. Trò chơi nhằm mục đích gì?
                   - [ ] Giải trí thuần túy
                   - [x] Ôn tập kiến thức
                """.formatted(id, title, phrase);
    }
}
