package vn.trolyso.server;

/** Starts the Trợ lý số service. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("Trợ lý số: the server is not built yet.");
    }
}
