package vn.trolyso.knowledge.materials;

import java.util.List;

/** A materials file that cannot be loaded, with every problem found in it (not only the first). */
public final class InvalidMaterialException extends Exception {
    private final List<MaterialProblem> problems;

    public InvalidMaterialException(List<MaterialProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<MaterialProblem> problems() {
        return problems;
    }
}
