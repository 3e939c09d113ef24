package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ChildProcess;
import cn.org.cast.dianzan.engines.ProjectHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web client's first slice end to end, in headless Debian Chromium driven by playwright-core
 * (local/src/test/browser/web-client.mjs) against the local system started here: an admin asked for
 * the authenticator code; a new implementing unit registering on a phone with the code from its mail,
 * signed in, its token refreshed, signed out, signing in again by keyboard after a wrong password; a
 * password reset; the countdown on a device whose clock is two days slow; a locked address; every page
 * checked by axe-core at phone and desktop widths. bin/test builds web/dist and installs Chromium.
 */
class WebClientBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    @TempDir
    Path data;

    @Test
    void aNewImplementingUnitRegistersVerifiesSignsOutAndInAgainThroughAccessiblePages() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "需要 Chromium / Chromium is required at " + CHROMIUM
                + " (bin/test installs Debian's chromium; or set CHROMIUM)");
        assertTrue(Files.isRegularFile(ProjectHome.locate().resolve("web/dist/index.html")),
                "网页客户端尚未构建 / the web client is not built: run `npm run build` (bin/test does)");
        int port = ChildProcess.freePort();
        JsonNode seen;
        try (LocalSystem system = LocalSystem.start("--port", Integer.toString(port), "--data", data.toString())) {
            seen = runInBrowser("http://127.0.0.1:" + port);
        }
        String all = seen.toPrettyString();

        // the admin: TOTP_REQUIRED becomes a field of its own, focused, described by the API's words
        JsonNode admin = seen.path("admin");
        assertEquals(401, admin.path("firstStatus").asInt(), all);
        assertEquals("field-totp", admin.path("totpFocused").asText());
        assertEquals("[\"管理员登录须输入身份验证器上的6位动态码\"]", admin.path("totpDescription").toString());
        assertEquals(200, admin.path("secondStatus").asInt());
        assertEquals("本地管理员", admin.path("name").asText());
        assertEquals(200, admin.path("campaignStatus").asInt(), "the admin moved the deadline ahead");

        // registering: errors by their fields, then the code from the mail, then signed in
        JsonNode register = seen.path("register");
        assertEquals("/sign-in", register.path("signedOutHomeGoesTo").asText());
        assertEquals(400, register.path("emptyStatus").asInt());
        assertEquals("field-email", register.path("emptyFocus").asText(), "the focus goes to the first field in error");
        assertEquals("true", register.path("emailInvalid").asText());
        assertEquals("[\"验证码发到这里\",\"邮箱为必填项\"]", register.path("emailDescription").toString());
        assertTrue(register.path("passwordDescription").get(0).asText().startsWith("10到128个字符"), all);
        assertEquals("提交的信息有误，请按提示修改", register.path("alert").asText());
        assertEquals(202, register.path("status").asInt());
        assertEquals("/verify", register.path("verifyPath").asText());
        assertEquals("重新发送验证码（60秒后可用）", register.path("resendButton").asText());
        assertEquals(201, register.path("verifyStatus").asInt());
        JsonNode home = seen.path("home");
        assertEquals("网页测试联系人", home.path("name").asText());
        assertEquals("您好，网页测试联系人！", home.path("greeting").asText());
        assertTrue(home.path("header").asText().contains("退出登录"), all);
        assertTrue(home.path("storage").path("session").asBoolean(), "tokens are kept in sessionStorage");
        assertEquals(0, home.path("storage").path("localStorage").asInt(), "and nothing in localStorage");

        // refreshed before expiry; the new token works after a reload
        JsonNode refresh = seen.path("refresh");
        assertEquals(200, refresh.path("status").asInt(), all);
        assertEquals(200, refresh.path("meAfterReload").asInt());
        assertEquals("网页测试联系人", refresh.path("nameAfterReload").asText());

        JsonNode signOut = seen.path("signOut");
        assertEquals(204, signOut.path("status").asInt());
        assertEquals("您已退出登录。", signOut.path("notice").asText());
        assertTrue(signOut.path("session").isNull(), all);

        // by keyboard: the focus order, a wrong password's message above the fields, then signed in
        JsonNode keyboard = seen.path("keyboard");
        assertEquals(List.of("a:跳到主要内容", "a:典赞·科普中国 案例征集", "a:登录", "a:注册", "input:field-email",
                "input:field-password", "input:field-password-show", "button:登录"), texts(keyboard.path("order")));
        assertEquals(401, keyboard.path("wrongStatus").asInt());
        assertEquals("邮箱或密码不正确（如刚注册，请先完成邮箱验证）", keyboard.path("alert").asText());
        assertTrue(keyboard.path("alertBeforeFields").asBoolean());
        assertEquals("field-password", keyboard.path("backTo").asText());
        assertEquals(200, keyboard.path("rightStatus").asInt());
        assertEquals("网页测试联系人", keyboard.path("name").asText());

        JsonNode reset = seen.path("reset");
        assertEquals(202, reset.path("forgotStatus").asInt());
        assertTrue(reset.path("notice").asText().startsWith("如该邮箱已注册，重置验证码已发送到 i***@"), all);
        assertTrue(reset.path("emailKept").asText().startsWith("impl-"));
        assertEquals(204, reset.path("resetStatus").asInt());
        assertEquals("密码已重置，此前的登录均已结束，请用新密码登录。", reset.path("signInNotice").asText());
        assertEquals(200, reset.path("signInStatus").asInt());
        assertEquals("网页测试联系人", reset.path("name").asText());

        // the deadline: China time everywhere, the device's zone where its clock reads otherwise
        Instant closes = Instant.parse(seen.path("closesAt").asText());
        String china = SHOWN.format(closes.atZone(ZoneId.of("Asia/Shanghai")));
        assertTrue(seen.path("deadlineNewYork").path("china").asText().startsWith("提交截止：北京时间 " + china), all);
        assertEquals("您所在时区（America/New_York）：" + SHOWN.format(closes.atZone(ZoneId.of("America/New_York"))),
                seen.path("deadlineNewYork").path("local").asText());
        JsonNode countdown = seen.path("countdown");
        assertTrue(countdown.path("china").asText().startsWith("提交截止：北京时间 " + china), all);
        assertEquals(0, countdown.path("localShown").asInt(), "a device in China time shows no second line");
        long shown = countdown.path("shownSeconds").asLong();
        long server = countdown.path("serverSeconds").asLong();
        assertTrue(Math.abs(shown - server) <= 5, "a device two days slow counts by the server's clock: shown "
                + shown + " s, server " + server + " s");
        assertTrue(countdown.path("text").asText().startsWith("距截止还有 2天23小时"), all);

        JsonNode lockout = seen.path("lockout");
        assertEquals("[401,401,401,401,423]", lockout.path("statuses").toString());
        assertTrue(lockout.path("alert").asText().startsWith("登录失败次数过多，账号已锁定至北京时间 "), all);
        assertTrue(lockout.path("alert").asText().contains("可再次登录的时间：北京时间 "), all);

        assertEquals(404, seen.path("notFound").path("status").asInt());
        assertEquals("页面不存在", seen.path("notFound").path("heading").asText());

        // axe-core: no serious or critical violation on any page, at either width
        Set<String> checked = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        seen.path("axe").forEach(page -> {
            checked.add(page.path("page").asText() + "@" + page.path("width").asInt());
            assertTrue(page.path("passes").asInt() > 0, "axe ran on " + page);
            page.path("violations").forEach(v -> violations.add(page.path("page").asText() + " @"
                    + page.path("width").asInt() + "px: " + v));
        });
        assertEquals(List.of(), violations);
        for (String path : List.of("/register", "/verify", "/sign-in", "/forgot-password", "/reset-password", "/no-such-page")) {
            assertTrue(checked.contains(path + "@375") && checked.contains(path + "@1280"), path + " unchecked: " + checked);
        }
        assertTrue(checked.contains("home@375") && checked.contains("home@1280"), checked.toString());
        assertEquals("[]", seen.path("overflow").toString(), "nothing wider than a phone");

        // the Content-Security-Policy: nothing of ours broke it, and it is enforced
        assertEquals("[]", seen.path("csp").toString());
        assertEquals("[]", seen.path("pageErrors").toString());
        assertFalse(seen.path("cspProbe").path("inlineScriptRan").asBoolean(), all);
        assertTrue(seen.path("cspProbe").path("reported").asText().contains("script-src 'self'"), all);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private JsonNode runInBrowser(String origin) throws Exception {
        return BrowserScript.run("web-client.mjs", origin, data.resolve("browser.log"), java.time.Duration.ofMinutes(3));
    }
}
