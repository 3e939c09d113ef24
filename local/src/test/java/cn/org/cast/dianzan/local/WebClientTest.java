package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web client's files as the local runner serves them, from a web/dist made here. */
class WebClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TempDir
    Path project;

    private Path dist;
    private WebClient web;

    @BeforeEach
    void build() throws Exception {
        dist = Files.createDirectories(project.resolve("web/dist/assets"));
        dist = dist.getParent();
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>首页</title>");
        Files.writeString(dist.resolve("routes.json"), "[\"/\",\"/register\",\"/sign-in\"]");
        Files.writeString(dist.resolve("assets/index-Ra1_dPVr.js"), "console.log('典赞')");
        Files.writeString(dist.resolve("assets/index-CvZjLWs6.css"), "body{}");
        Files.writeString(dist.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.writeString(dist.resolve(".secret"), "hidden");
        Files.writeString(project.resolve("web/vite.config.mjs"), "outside");
        web = new WebClient(dist, JSON);
    }

    private Gateway.Response serve(String path, String accept) {
        return web.serve(path, accept).orElseThrow(() -> new AssertionError("nothing served for " + path));
    }

    @Test
    void theAppsPathsAreIndexHtmlNeverKeptWithTheSecurityHeaders() {
        for (String path : List.of("/", "/register", "/sign-in")) {
            Gateway.Response page = serve(path, HTML);
            assertEquals(200, page.status(), path);
            assertEquals("<!doctype html><title>首页</title>", page.text(), path);
            assertEquals("text/html; charset=utf-8", page.headers().get("Content-Type"));
            assertEquals("no-store", page.headers().get("Cache-Control"));
            assertEquals(WebClient.CONTENT_SECURITY_POLICY, page.headers().get("Content-Security-Policy"));
            assertEquals("nosniff", page.headers().get("X-Content-Type-Options"));
            assertEquals("no-referrer", page.headers().get("Referrer-Policy"));
        }
        assertTrue(WebClient.CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'"));
        assertTrue(WebClient.CONTENT_SECURITY_POLICY.contains("default-src 'self'"));
        assertFalse(WebClient.CONTENT_SECURITY_POLICY.contains("unsafe"), "no inline script or style, no eval");
    }

    @Test
    void hashedAssetsAreKeptForAYearAndOtherFilesAreCheckedEachTime() {
        Gateway.Response script = serve("/assets/index-Ra1_dPVr.js", "*/*");
        assertEquals("text/javascript; charset=utf-8", script.headers().get("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", script.headers().get("Cache-Control"));
        assertEquals("console.log('典赞')", script.text());
        assertEquals("text/css; charset=utf-8", serve("/assets/index-CvZjLWs6.css", "text/css,*/*;q=0.1")
                .headers().get("Content-Type"));
        Gateway.Response icon = serve("/favicon.svg", "image/*");
        assertEquals("image/svg+xml", icon.headers().get("Content-Type"));
        assertEquals("no-cache", icon.headers().get("Cache-Control"));
        assertEquals(WebClient.CONTENT_SECURITY_POLICY, icon.headers().get("Content-Security-Policy"));
    }

    @Test
    void nothingOutsideTheBuildNorHiddenIsServed() {
        for (String path : List.of("/../vite.config.mjs", "/assets/../../vite.config.mjs", "/.secret", "/assets",
                "/assets/", "//etc/passwd", "/assets/missing.js")) {
            assertTrue(web.serve(path, "*/*").isEmpty(), path);
        }
    }

    @Test
    void aBrowserNavigatingToAnUnknownPathGetsTheAppWith404() {
        Gateway.Response page = serve("/no-such-page", HTML);
        assertEquals(404, page.status());
        assertEquals("<!doctype html><title>首页</title>", page.text());
        assertTrue(web.serve("/no-such-page", "application/json").isEmpty(), "a fetch gets the gateway's 404");
    }

    @Test
    void withoutABuildTheRunnerSaysHowToMakeOne() throws Exception {
        WebClient unbuilt = new WebClient(project.resolve("nothing-here"), JSON);

        assertFalse(unbuilt.built());
        Gateway.Response page = unbuilt.serve("/", HTML).orElseThrow();
        assertEquals(503, page.status());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("npm run build"), page.text());
        assertTrue(unbuilt.serve("/assets/index-Ra1_dPVr.js", "*/*").isEmpty());
    }

    @Test
    void noPathOfTheAppIsAlsoAnApiPath() throws Exception {
        // web/src/routes.json is the app's route table; an API route on the same path would hide the page
        Map<String, String> app = JSON.readValue(ProjectHome.locate().resolve("web/src/routes.json").toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        RouteTable api = new RouteTable(SamTemplate.load());
        List<String> shadowed = new ArrayList<>();
        app.values().forEach(path -> {
            if (api.hasPath(path)) {
                shadowed.add(path);
            }
        });
        assertFalse(app.isEmpty());
        assertEquals(List.of(), shadowed);
        assertTrue(api.hasPath("/accounts/me") && api.hasPath("/cases/abc/submit"), "the check can fail");
    }
}
