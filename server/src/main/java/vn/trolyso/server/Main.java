package vn.trolyso.server;

import java.util.logging.Logger;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.ops.OpsCommand;

/** Starts the Trợ lý số service: {@code java --add-modules jdk.incubator.vector -jar server/target/server.jar}. */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        io.helidon.logging.common.LogConfig.configureRuntime();
        ServerConfig config;
        try {
            config = ServerConfig.load();
        } catch (IllegalArgumentException e) {
            System.err.println("Cấu hình không hợp lệ / invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (OpsCommand.handles(args)) { // ./trolyso backup|restore
            System.exit(new OpsCommand(config, System.out, System.err).run(args));
            return;
        }
        TrolysoServer.Running server;
        try {
            server = TrolysoServer.start(config);
        } catch (IllegalStateException e) {
            System.err.println("Không khởi động được máy chủ / cannot start: " + e.getMessage()
                    + ". Set SERVER_PORT to a free port or stop the program using it.");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        var ollama = server.services().ollamaStatus();
        String mode = ollama.usable()
                ? "generative (Ollama " + config.ollamaModel() + " at " + config.ollamaBaseUrl() + ")"
                : "no-LLM / extractive (Ollama " + ollama.state() + " at " + config.ollamaBaseUrl() + ": "
                        + ollama.detail() + ")";
        LOG.info("Trợ lý số đang chạy / is running at http://localhost:" + server.port()
                + "  mode: " + mode + "  data: " + config.dataDir().toAbsolutePath().normalize());
    }
}
