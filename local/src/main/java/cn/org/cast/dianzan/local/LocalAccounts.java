package cn.org.cast.dianzan.local;

import cn.org.cast.dianzan.engines.GreenMailServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local system's people, made through the real paths the first time a data directory is used: an
 * admin by the accounts function's bootstrap command, two demo units by registering through the API and
 * verifying with the code GreenMail received. Their addresses and passwords are printed at every start
 * (and kept in {@code local-accounts.json} of the data directory, a local-only file); the admin's
 * authenticator code is served at {@code GET /local/totp}.
 */
final class LocalAccounts {

    static final String ADMIN_EMAIL = "cast-admin@demo.dianzan.local";
    static final String ADMIN_PASSWORD = "Dianzan-Admin-2026";
    static final String UNIT_EMAIL = "unit@demo.dianzan.local";
    static final String MUSEUM_EMAIL = "museum@demo.dianzan.local";
    static final String DEMO_PASSWORD = "Dianzan-Demo-2026";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private final Path file;
    private final GreenMailServer mail;
    private final ObjectMapper json;
    private final Clock clock;
    private String adminSecret;

    LocalAccounts(Path file, GreenMailServer mail, ObjectMapper json, Clock clock) {
        this.file = file;
        this.mail = mail;
        this.json = json;
        this.clock = clock;
    }

    /** Makes the admin and the demo units if this data directory has none yet. */
    void seed(Gateway gateway, FunctionHost accountsFunction) {
        try {
            if (Files.exists(file)) {
                adminSecret = json.readTree(file.toFile()).path("admin").path("totpSecret").asText(null);
                return;
            }
            String enrolment = accountsFunction.callStatic("cn.org.cast.dianzan.functions.accounts.AdminBootstrap",
                    "bootstrapAsJson", ADMIN_EMAIL, "本地管理员", "13800000000", ADMIN_PASSWORD);
            adminSecret = json.readTree(enrolment).path("totpSecret").asText();
            // kept at once: the bootstrap is one-time, so its secret must survive a failure further on
            ObjectNode root = json.createObjectNode();
            root.putObject("admin").put("email", ADMIN_EMAIL).put("password", ADMIN_PASSWORD).put("totpSecret", adminSecret);
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
            register(gateway, UNIT_EMAIL, "RECOMMENDER", "示例推荐单位联系人");
            register(gateway, MUSEUM_EMAIL, "IMPLEMENTER", "示例科技馆联系人");
            root.putObject("recommender").put("email", UNIT_EMAIL).put("password", DEMO_PASSWORD);
            root.putObject("implementer").put("email", MUSEUM_EMAIL).put("password", DEMO_PASSWORD);
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new LocalSystemException("无法建立本地账号 / cannot seed the local accounts in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Registers and verifies an account as a person would, reading the code from the mail that was sent. */
    String register(Gateway gateway, String email, String accountType, String contactName) throws IOException {
        ObjectNode body = json.createObjectNode().put("email", email).put("password", DEMO_PASSWORD)
                .put("accountType", accountType).put("contactName", contactName).put("mobile", "13900000000");
        Gateway.Response registered = gateway.call("POST", "/accounts/register", Map.of("content-type", "application/json"),
                body.toString());
        if (registered.status() != 202) {
            throw new LocalSystemException("注册示例账号失败 / registering " + email + " failed: " + registered.text());
        }
        String code = codeFor(email);
        Gateway.Response verified = gateway.call("POST", "/accounts/verify", Map.of("content-type", "application/json"),
                json.createObjectNode().put("email", email).put("code", code).put("password", DEMO_PASSWORD).toString());
        if (verified.status() != 201) {
            throw new LocalSystemException("验证示例账号失败 / verifying " + email + " failed: " + verified.text());
        }
        return json.readTree(verified.body()).path("accessToken").asText();
    }

    /** The six digits of the newest code mailed to the address. */
    String codeFor(String email) {
        List<GreenMailServer.ReceivedMail> received = mail.awaitMessages(email, 1, Duration.ofSeconds(15));
        Matcher code = CODE.matcher(received.get(received.size() - 1).subject());
        if (!code.find()) {
            throw new LocalSystemException("邮件中没有验证码 / no code in the mail to " + email);
        }
        return code.group(1);
    }

    /** What GreenMail received for an address, newest last. */
    List<Map<String, Object>> mail(String to) {
        return mail.messages(to).stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("to", m.to());
            item.put("from", m.from());
            item.put("subject", m.subject());
            item.put("text", m.text());
            item.put("html", m.html());
            item.put("receivedAt", m.receivedAt() == null ? null : m.receivedAt().toString());
            return item;
        }).toList();
    }

    /** The seeded admin's authenticator code now (RFC 6238: SHA-1, 6 digits, 30 s). */
    Map<String, Object> adminCode() {
        long step = clock.instant().getEpochSecond() / 30;
        return Map.of("email", ADMIN_EMAIL, "code", totp(adminSecret, step),
                "validForSeconds", 30 - clock.instant().getEpochSecond() % 30);
    }

    String adminSecret() {
        return adminSecret;
    }

    void printWelcome(String origin) {
        System.out.println("  accounts (made on first start; passwords are for this machine only):");
        System.out.println("    admin        " + ADMIN_EMAIL + " / " + ADMIN_PASSWORD
                + "  + authenticator code: curl -s " + origin + "/local/totp  (TOTP secret " + adminSecret + ")");
        System.out.println("    recommender  " + UNIT_EMAIL + " / " + DEMO_PASSWORD);
        System.out.println("    implementer  " + MUSEUM_EMAIL + " / " + DEMO_PASSWORD);
        System.out.println("  sign in:  curl -s -X POST " + origin + "/auth/sign-in -H 'Content-Type: application/json' -d '{\"email\":\""
                + UNIT_EMAIL + "\",\"password\":\"" + DEMO_PASSWORD + "\"}'");
        System.out.println("  mail:     curl -s '" + origin + "/local/mail?to=" + UNIT_EMAIL + "'  (what GreenMail received)");
    }

    static String totp(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
