package vn.trolyso.server;

import vn.trolyso.assistant.store.DatabaseUnavailableException;

/** What the operator can do about a failed start, in Vietnamese and English, by what failed. */
final class StartFailureHint {
    private StartFailureHint() {
    }

    static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException db) {
                return db.embedded()
                        ? "Có thể một Trợ lý số khác đang chạy với cùng thư mục dữ liệu (TROLYSO_DATA_DIR): hãy dừng"
                        + " nó, hoặc dùng thư mục dữ liệu khác / another instance may be running on the same data"
                        + " directory (TROLYSO_DATA_DIR): stop it or use another directory."
                        : "Hãy kiểm tra máy chủ PostgreSQL và TROLYSO_DB_URL, TROLYSO_DB_USER, TROLYSO_DB_PASSWORD"
                        + " / check the PostgreSQL server and TROLYSO_DB_URL, TROLYSO_DB_USER, TROLYSO_DB_PASSWORD.";
            }
        }
        return "Hãy đặt SERVER_PORT là một cổng còn trống, hoặc dừng chương trình đang dùng cổng này"
                + " / set SERVER_PORT to a free port or stop the program using it.";
    }
}
