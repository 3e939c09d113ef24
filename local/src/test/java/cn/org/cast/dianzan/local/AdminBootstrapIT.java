package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.LocalEngines;
import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.Provisioner;
import cn.org.cast.dianzan.engines.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bin/admin-bootstrap as an operator runs it after a deploy: the accounts jar's command in a JVM of its
 * own, configured only by the environment the script documents (region, the two table names; here the
 * engines' endpoints and credentials too), the password on standard input. It makes the first admin and
 * prints its TOTP secret once; a second run is refused and changes nothing.
 */
class AdminBootstrapIT {

    private record Run(int exit, String output) {
    }

    private static Run bootstrap(LocalEngines engines, Map<String, String> tables, String email, String password)
            throws IOException, InterruptedException {
        Path home = ProjectHome.locate();
        ProcessBuilder jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("functions/accounts/target/accounts-function.jar").toString(),
                "cn.org.cast.dianzan.functions.accounts.AdminBootstrap", "--email", email, "--name", "王管理员")
                .redirectErrorStream(true);
        Map<String, String> env = jvm.environment();
        env.keySet().removeIf(name -> name.startsWith("DIANZAN_") || name.startsWith("AWS_"));
        env.put("AWS_REGION", "cn-north-1");
        env.put("AWS_ACCESS_KEY_ID", engines.credentials().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", engines.credentials().secretAccessKey());
        env.put("DIANZAN_AWS_DYNAMODB_ENDPOINT", engines.dynamoEndpoint().toString());
        env.put("DIANZAN_TABLES_MAIN", tables.get("MainTable"));
        env.put("DIANZAN_TABLES_AUDIT", tables.get("AuditTable"));
        Process process = jvm.start();
        process.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }

    @Test
    void theFirstAdminIsMadeOnceWithItsSecretShownOnceAndASecondRunIsRefused() throws Exception {
        try (LocalEngines engines = LocalEngines.inMemory(Files.createTempDirectory("admin-bootstrap"))) {
            Map<String, String> tables = Provisioner.provision(engines, SamTemplate.load(), "boot-").physicalNames();

            Run weak = bootstrap(engines, tables, "admin@cast.org.cn", "1234567890");
            assertEquals(2, weak.exit(), weak.output());
            assertTrue(weak.output().contains("密码"), weak.output());

            Run first = bootstrap(engines, tables, "admin@cast.org.cn", "管理员的长密码-2026年");
            assertEquals(0, first.exit(), first.output());
            assertTrue(first.output().matches("(?s).*TOTP 密钥 / secret \\(shown once\\): [A-Z2-7]{32}.*"), first.output());
            assertTrue(first.output().contains("otpauth://totp/"), first.output());

            Run second = bootstrap(engines, tables, "another@cast.org.cn", "另一个管理员的密码-2026");
            assertEquals(2, second.exit(), second.output());
            assertTrue(second.output().contains("bootstrapped before"), second.output());
        }
    }
}
