package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ChildProcess;
import cn.org.cast.dianzan.engines.ProjectHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recommending unit's pages end to end, in headless Chromium (local/src/test/browser/web-unit.mjs)
 * against the local system started here: an admin reopens the campaign and issues a code (through the
 * API); a unit registers through the pages, binds the code typed in lower case with spaces after a
 * wrong one refused by the code's field, invites a colleague who accepts, hands the contact over;
 * an implementer submits four cases of one category (through the API); the unit approves them,
 * recommends three and is refused the fourth with the places left in view; axe-core on every unit
 * page at phone and desktop widths.
 */
class WebUnitBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path data;

    @Test
    void aRecommendingUnitBindsInvitesAColleagueAndRecommendsWithinItsQuota() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "需要 Chromium / Chromium is required at " + CHROMIUM);
        assertTrue(Files.isRegularFile(ProjectHome.locate().resolve("web/dist/index.html")),
                "网页客户端尚未构建 / the web client is not built: run `npm run build`");
        int port = ChildProcess.freePort();
        JsonNode seen;
        try (LocalSystem system = LocalSystem.start("--port", Integer.toString(port), "--data", data.toString())) {
            seen = runInBrowser("http://127.0.0.1:" + port);
        }
        String all = seen.toPrettyString();

        assertEquals("本账号尚未绑定推荐码。请先绑定推荐码。", seen.path("unbound").asText(), all);
        JsonNode bind = seen.path("bind");
        assertEquals("推荐码为必填项", bind.path("emptyCode").asText(), all);
        assertEquals("field-code", bind.path("focus").asText(), "the focus goes to the code in error");
        assertTrue(bind.path("wrongStatus").asInt() >= 400, all);
        assertTrue(bind.path("codeDescription").asText().contains("field-code-error"), all);
        assertTrue(!bind.path("wrongCode").asText().isBlank(), all);
        assertEquals(201, bind.path("status").asInt(), "a code in lower case with spaces binds: " + all);
        JsonNode unit = seen.path("unit");
        assertEquals("某市科学技术协会", unit.path("name").asText(), all);
        assertEquals(seen.path("code").asText(), unit.path("code").asText());
        assertEquals("推荐码已绑定，本单位信息已登记。", unit.path("notice").asText());

        assertEquals(202, seen.path("invite").path("status").asInt(), all);
        assertTrue(seen.path("invite").path("accepted").asBoolean(), all);
        assertEquals("[\"推荐单位联系人（本人）（单位联系人）\",\"李同事\"]", seen.path("members").toString(), all);
        assertEquals("确认移交", seen.path("handOverFocus").asText(), "the confirmation takes the focus");
        assertEquals("[\"推荐单位联系人（本人）\",\"李同事（单位联系人）\"]", seen.path("membersAfter").toString(), all);

        assertEquals("共4个案例", seen.path("inbox").path("all").asText(), all);
        assertEquals("[\"已推荐0个，还可推荐3个（限3个）\",\"已推荐0个，还可推荐3个（限3个）\",\"已推荐0个，还可推荐6个（限6个）\"]",
                seen.path("inbox").path("quota").toString(), all);
        JsonNode steps = seen.path("recommend");
        assertEquals(4, steps.size(), all);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, steps.get(i).path("approve").asInt(), all);
            assertEquals(200, steps.get(i).path("recommend").asInt(), all);
            assertEquals("已推荐" + (i + 1) + "个，还可推荐" + (2 - i) + "个（限3个）", steps.get(i).path("quota").get(0).asText(), all);
        }
        JsonNode refused = steps.get(3);
        assertEquals(200, refused.path("approve").asInt(), all);
        assertEquals(409, refused.path("recommend").asInt(), all);
        assertEquals("科普活动服务类已推荐3个，已达上限；两类合计还可推荐3个", refused.path("alert").asText(), all);
        assertEquals("[\"已推荐3个，还可推荐0个（限3个）\",\"已推荐0个，还可推荐3个（限3个）\",\"已推荐3个，还可推荐3个（限6个）\"]",
                refused.path("quota").toString(), all);

        Set<String> checked = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        seen.path("axe").forEach(page -> {
            checked.add(page.path("page").asText() + "@" + page.path("width").asInt());
            assertTrue(page.path("passes").asInt() > 0, "axe ran on " + page);
            page.path("violations").forEach(v -> violations.add(page.path("page").asText() + " @"
                    + page.path("width").asInt() + "px: " + v));
        });
        assertEquals(List.of(), violations);
        for (String path : List.of("/unit", "/unit/bind", "/unit/review", "/unit/case")) {
            assertTrue(checked.contains(path + "@375") && checked.contains(path + "@1280"), path + " unchecked: " + checked);
        }
        assertEquals("[]", seen.path("overflow").toString(), "nothing wider than a phone");
        assertEquals("[]", seen.path("csp").toString());
        assertEquals("[]", seen.path("pageErrors").toString());
    }

    private JsonNode runInBrowser(String origin) throws Exception {
        return BrowserScript.run("web-unit.mjs", origin, data.resolve("browser.log"), java.time.Duration.ofMinutes(4));
    }
}
