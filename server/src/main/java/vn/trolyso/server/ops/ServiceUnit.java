package vn.trolyso.server.ops;

import java.nio.file.Path;

/**
 * The systemd unit {@code ./trolyso service install} writes to {@code /etc/systemd/system/trolyso.service}: the
 * built jar of this checkout run by an unprivileged user, settings from {@code <checkout>/trolyso.env} (the same file
 * {@code ./trolyso run|backup|restore} read), restarted when it fails. Run as
 * {@code java -cp server/target/server.jar vn.trolyso.server.ops.ServiceUnit <checkout> <java> <user> [heap]}.
 */
public final class ServiceUnit {
    private ServiceUnit() {
    }

    /**
     * @param checkout the repository folder (working directory: the default data dir ./data lives there)
     * @param java     the absolute path of the java executable (a JDK/JRE 21+)
     * @param user     the account the service runs as (must own the data directory; never root)
     * @param heap     the -Xmx value, e.g. 768m or 2g
     */
    public static String unit(Path checkout, Path java, String user, String heap) {
        if (!checkout.isAbsolute() || !java.isAbsolute()) {
            throw new IllegalArgumentException("checkout and java must be absolute paths");
        }
        if (checkout.toString().matches(".*[\\s\"'%$\\\\].*") || java.toString().matches(".*[\\s\"'%$\\\\].*")) {
            throw new IllegalArgumentException("install from a folder whose path has no spaces, quotes, % or $: "
                    + checkout);
        }
        if (user == null || !user.matches("[a-z_][a-z0-9_-]*[$]?") || user.equals("root") || user.equals("nobody")) {
            throw new IllegalArgumentException("the service needs an unprivileged user name, not '" + user + "'");
        }
        if (heap == null || !heap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("heap must look like 768m or 2g, not '" + heap + "'");
        }
        return """
                # Trợ lý số — written by ./trolyso service install. Settings: %2$s/trolyso.env
                # Apply changes: sudo systemctl daemon-reload && sudo systemctl restart trolyso
                [Unit]
                Description=Trợ lý số (Vietnamese digital-skills assistant)
                Documentation=file:%2$s/docs/cai-dat-van-hanh.md
                After=network-online.target
                Wants=network-online.target

                [Service]
                Type=simple
                User=%3$s
                WorkingDirectory=%1$s
                EnvironmentFile=-%2$s/trolyso.env
                ExecStart=%4$s --add-modules jdk.incubator.vector -Dfile.encoding=UTF-8 -Xmx%5$s -jar %2$s/server/target/server.jar
                Restart=on-failure
                RestartSec=5
                # Exit 1 = cannot start (port taken), 2 = invalid configuration: retrying does not help.
                RestartPreventExitStatus=1 2
                TimeoutStopSec=30
                SuccessExitStatus=143
                NoNewPrivileges=true
                PrivateTmp=true
                ProtectSystem=full
                LimitNOFILE=65536

                [Install]
                WantedBy=multi-user.target
                """.formatted(checkout.normalize(), checkout.normalize(), user, java, heap);
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ServiceUnit <checkout> <java> <user> [heap]");
            System.exit(2);
        }
        try {
            System.out.print(unit(Path.of(args[0]), Path.of(args[1]), args[2], args.length > 3 ? args[3] : "512m"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
