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
            System.err.println("Không khởi động được máy chủ / cannot start: " + e.getMessage() + ". "
                    + StartFailureHint.of(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        LOG.info(StartLine.text(config.host(), server.port(), StartLine.lanAddresses(),
                server.services().ollamaStatus(), config.ollamaBaseUrl(), config.dataDir()));
    }
}
