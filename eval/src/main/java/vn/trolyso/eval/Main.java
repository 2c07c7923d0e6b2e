package vn.trolyso.eval;

/** Entry point of the benchmarks: {@code java -jar eval/target/eval.jar <command> [options]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("Trợ lý số eval: no commands yet.");
    }
}
