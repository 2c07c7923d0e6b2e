package vn.trolyso.knowledge.framework;

/** What a framework question asks for. */
public enum FrameworkQuestionType {
    /** Which level a grade is at ("Học sinh lớp 7 ở bậc mấy?"). */
    LEVEL_FOR_GRADE,
    /** What a level is, which grades it serves ("Bậc 3 là gì?", "TC1 dành cho lớp nào?"). */
    LEVEL,
    /** What a competency or a domain requires at a level or grade ("Lớp 8 cần đạt gì về lập trình?"). */
    REQUIREMENTS,
    /** Two levels of one competency side by side ("Bậc 3 và bậc 4 của năng lực sử dụng AI khác nhau thế nào?"). */
    COMPARE_LEVELS,
    /** What a competency is ("Năng lực 4.2 là gì?"). */
    COMPETENCY,
    /** A domain and its competencies ("Miền An toàn gồm những năng lực nào?"). */
    DOMAIN,
    /** The list of domains. */
    LIST_DOMAINS,
    /** The tiers (mức trình độ) and their levels. */
    TIERS,
    /** What digital competence is, as Điều 2 defines it ("Năng lực số được hiểu là gì?"). */
    DEFINITION,
    /** Overall structure and counts ("Khung có bao nhiêu năng lực thành phần?"). */
    STRUCTURE,
    /** How the framework stands beside the European DigComp 2.2 ("Miền 6 có trong DigComp 2.2 không?"). */
    DIGCOMP,
    /** Which legal documents define the framework. */
    SOURCE
}
