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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The implementing unit's pages end to end, in headless Debian Chromium driven by playwright-core
 * (local/src/test/browser/implementer.mjs) against the local system started here: the admin reopens the
 * campaign and issues a code the demo recommending unit binds (through the API); a new implementing unit
 * registers, joins with the code (a typo caught as typed), fills a case through the form, reloads in the
 * middle of typing and loses nothing, signs in again after its session ended and is back at its draft,
 * meets a version saved elsewhere and chooses, and is refused on 提交 with the photos and the award's proof
 * listed; axe-core on every new page at phone and desktop widths.
 */
class ImplementerPagesBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path data;

    @Test
    void anImplementerJoinsFillsACaseWithoutLosingTypingAndSeesWhatIsMissing() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "需要 Chromium / Chromium is required at " + CHROMIUM);
        assertTrue(Files.isRegularFile(ProjectHome.locate().resolve("web/dist/index.html")),
                "网页客户端尚未构建 / the web client is not built: run `npm run build` (bin/test does)");
        int port = ChildProcess.freePort();
        JsonNode seen;
        try (LocalSystem system = LocalSystem.start("--port", Integer.toString(port), "--data", data.toString())) {
            seen = runInBrowser("http://127.0.0.1:" + port);
        }
        String all = seen.toPrettyString();

        assertEquals(200, seen.path("setup").path("campaign").asInt(), all);
        assertEquals(201, seen.path("setup").path("bind").asInt(), all);

        // the code: checked as typed, in any case and spacing
        JsonNode join = seen.path("join");
        assertEquals("推荐码有误（校验位不符），请逐位核对", join.path("typo").asText(), all);
        assertEquals("true", join.path("typoInvalid").asText());
        assertEquals("已输入4位，共15位", join.path("partial").asText());
        assertTrue(join.path("valid").asText().endsWith("推荐码格式正确"), all);
        assertTrue(join.path("validInvalid").isNull());
        assertEquals(201, join.path("status").asInt());
        assertTrue(join.path("path").asText().matches("/codes/[2-9A-HJKMNP-Z]{15}/join"), all);
        assertEquals("已加入推荐单位（网页测试科技馆），现在可以填写案例。", join.path("notice").asText());

        // the form: grapheme counting, created with an Idempotency-Key, autosaved
        JsonNode form = seen.path("form");
        assertEquals("9/20字", form.path("counter").asText(), "an emoji family counts as one");
        assertEquals(201, form.path("createStatus").asInt());
        assertTrue(form.path("idempotencyKey").asBoolean());
        assertTrue(form.path("saved").asText().matches("已于 \\d\\d:\\d\\d 保存"), all);
        assertEquals("[\"请选择\",\"科普讲座\",\"科普沙龙\",\"科学表演\",\"科普赛事\",\"科普研学\",\"科普市集\",\"综合活动\",\"其他\"]",
                form.path("subtypes").toString());
        assertTrue(form.path("proofSlot").asText().contains("后续版本"), all);

        // a reload while typing, and an ended session: nothing lost, all saved after
        String summary = "全年举办科普讲座120场，覆盖青少年3万人次🧪";
        JsonNode reload = seen.path("reload");
        assertEquals("23/500字", reload.path("beforeReload").asText());
        assertEquals(summary, reload.path("summary").asText(), all);
        assertEquals(summary, reload.path("server").asText(), all);
        assertEquals(0, reload.path("left").asInt(), "the saved draft leaves nothing in localStorage");
        JsonNode resume = seen.path("resume");
        assertTrue(resume.path("path").asBoolean(), "signing in again goes back to the case: " + all);
        assertEquals("馆长兼主任", resume.path("contactTitle").asText());
        assertEquals("馆长兼主任", resume.path("server").asText());

        // a version saved elsewhere: both shown, the choice made, nothing overwritten silently
        JsonNode conflict = seen.path("conflict");
        assertEquals(200, conflict.path("elsewhere").asInt(), all);
        assertEquals(409, conflict.path("status").asInt());
        assertEquals("内容已在其他地方修改", conflict.path("heading").asText());
        assertEquals("[\"单位地址\\n我的修改：某市科技大道2号\\n已保存的版本：另一台电脑上改的地址\"]", conflict.path("rows").toString());
        assertEquals(200, conflict.path("keptStatus").asInt());
        assertEquals("某市科技大道2号", conflict.path("server").asText());

        // 提交: refused with every missing item listed, each a link to its field
        JsonNode submit = seen.path("submit");
        assertEquals(400, submit.path("status").asInt(), all);
        assertEquals("提交前还须补充以下3项", submit.path("heading").asText());
        assertEquals("[\"须上传横版照片\",\"须上传竖版照片\",\"须上传第1个奖项的获奖证明材料\"]", submit.path("items").toString());
        assertEquals("提交前还须补充以下3项", submit.path("focus").asText(), "the focus goes to the list");
        assertEquals("field-files-LANDSCAPE_PHOTO", submit.path("linkFocus").asText());

        JsonNode list = seen.path("list");
        assertEquals("青少年科学实验季👨‍👩‍👧‍👦", list.path("name").asText());
        assertEquals("草稿", list.path("status").asText());
        assertEquals(submit.path("items"), list.path("missing"));
        assertTrue(seen.path("history").get(0).asText().endsWith("实施单位：创建草稿"), all);

        List<String> violations = new ArrayList<>();
        seen.path("axe").forEach(page -> {
            assertTrue(page.path("passes").asInt() > 0, "axe ran on " + page);
            page.path("violations").forEach(v -> violations.add(page.path("page").asText() + " @"
                    + page.path("width").asInt() + "px: " + v));
        });
        assertEquals(12, seen.path("axe").size(), all);
        assertEquals(List.of(), violations);
        assertEquals("[]", seen.path("overflow").toString(), "nothing wider than a phone");
        assertEquals("[]", seen.path("csp").toString());
        assertEquals("[]", seen.path("pageErrors").toString());
    }

    private JsonNode runInBrowser(String origin) throws Exception {
        return BrowserScript.run("implementer.mjs", origin, data.resolve("browser.log"), java.time.Duration.ofMinutes(3));
    }
}
