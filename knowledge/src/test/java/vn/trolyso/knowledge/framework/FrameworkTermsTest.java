package vn.trolyso.knowledge.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameworkTermsTest {
    @Test
    void keepsOnlyConfirmedDefinitionsOfTheTermsSection() {
        String md = """
                ### 1.2. Mục đích
                - **Khung** "là căn cứ để đánh giá." [2+] (a)
                ### 1.3. Một số thuật ngữ (Điều 2)
                - **Năng lực số** "là khả năng dùng công nghệ số." [2+] (a ; b)
                - **Trí tuệ nhân tạo (AI)** "là việc phát triển máy móc." (c)
                ### 1.4. Sáu miền năng lực
                - **Miền** "là nhóm năng lực." [2+] (d)
                """;
        assertEquals(List.of(new FrameworkTerms.Term("Năng lực số", "là khả năng dùng công nghệ số.")),
                FrameworkTerms.parse(md));
    }

    @Test
    void theBundledReferenceDefinesDigitalCompetence() {
        assertTrue(FrameworkTerms.bundled().stream().anyMatch(t -> t.name().equals("Năng lực số")
                && t.definition().startsWith("là khả năng sử dụng công nghệ số")));
    }
}
