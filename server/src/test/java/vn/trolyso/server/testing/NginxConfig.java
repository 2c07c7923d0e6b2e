package vn.trolyso.server.testing;

import java.nio.file.Path;

/** The top-level nginx.conf the nginx tests run with: everything under a private directory, run as this user. */
public final class NginxConfig {
    private NginxConfig() {
    }

    /** nginx.conf for a private prefix {@code dir}, with {@code http} (server, upstream, include …) in its http block. */
    public static String main(Path dir, String http) {
        return (System.getProperty("user.name").equals("root") ? "user root;\n" : "") + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(dir, http.stripTrailing());
    }
}
