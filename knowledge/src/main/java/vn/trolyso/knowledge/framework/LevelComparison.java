package vn.trolyso.knowledge.framework;

import java.util.Optional;

/** Two levels of one competency side by side (descriptors are empty for levels without data). */
public record LevelComparison(Competency competency, Level first, Level second) {
    public Optional<String> firstDescriptor() {
        return competency.descriptor(first.number());
    }

    public Optional<String> secondDescriptor() {
        return competency.descriptor(second.number());
    }
}
