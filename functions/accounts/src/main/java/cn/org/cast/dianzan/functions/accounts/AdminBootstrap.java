package cn.org.cast.dianzan.functions.accounts;

import cn.org.cast.dianzan.accounts.AccountViews.AdminEnrolment;
import cn.org.cast.dianzan.accounts.AdminAccounts;
import cn.org.cast.dianzan.core.DomainException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-time bootstrap of the first admin, run by the operator after a deploy with the table's
 * environment ({@code bin/admin-bootstrap}); refused once an admin was bootstrapped. Prints the TOTP
 * secret once. The password is typed at the prompt (never an argument: it would stay in the shell's
 * history), or read from standard input when there is no terminal.
 */
public final class AdminBootstrap {

    private AdminBootstrap() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        if (!options.containsKey("email") || !options.containsKey("name")) {
            System.err.println("usage: bin/admin-bootstrap --email admin@cast.org.cn --name 姓名 [--mobile 13800000000]");
            System.exit(2);
        }
        try {
            AdminEnrolment enrolment = bootstrap(options.get("email"), options.get("name"), options.get("mobile"), password());
            System.out.println("管理员已创建 / admin created: " + enrolment.email());
            System.out.println("TOTP 密钥 / secret (shown once): " + enrolment.totpSecret());
            System.out.println("otpauth URI: " + enrolment.totpUri());
            System.out.println(enrolment.nextStep());
        } catch (DomainException e) {
            System.err.println(e.getMessage() + e.fields().stream().map(f -> " " + f.field() + ": " + f.message()).reduce("", String::concat));
            System.exit(2);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Bootstraps with the properties this JVM has (environment or system properties); the enrolment as JSON too. */
    public static AdminEnrolment bootstrap(String email, String name, String mobile, String password) {
        try (ApplicationContext context = ApplicationContext.run()) {
            return context.getBean(AdminAccounts.class).bootstrap(email, name, mobile, password);
        }
    }

    /** For the local runner, which calls across class loaders in plain JDK types. */
    public static String bootstrapAsJson(String email, String name, String mobile, String password) throws IOException {
        try (ApplicationContext context = ApplicationContext.run()) {
            AdminEnrolment enrolment = context.getBean(AdminAccounts.class).bootstrap(email, name, mobile, password);
            return context.getBean(JsonMapper.class).writeValueAsString(enrolment);
        }
    }

    private static String password() {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("密码 / password (10+ characters): ");
            char[] second = console.readPassword("再输入一次 / again: ");
            if (first == null || !Arrays.equals(first, second)) {
                System.err.println("两次输入不一致 / the two entries differ");
                System.exit(2);
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
