package vn.trolyso.assistant.learning;

import java.util.Arrays;
import java.util.Optional;

/** The three answers to a self-assessment statement, with the credit each gives toward a level. */
public enum AnswerChoice {
    CO("co", "có", 1.0),
    MOT_PHAN("mot_phan", "một phần", 0.5),
    CHUA("chua", "chưa", 0.0);

    private final String apiName;
    private final String label;
    private final double credit;

    AnswerChoice(String apiName, String label, double credit) {
        this.apiName = apiName;
        this.label = label;
        this.credit = credit;
    }

    public String apiName() {
        return apiName;
    }

    public String label() {
        return label;
    }

    public double credit() {
        return credit;
    }

    public static Optional<AnswerChoice> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }
}
