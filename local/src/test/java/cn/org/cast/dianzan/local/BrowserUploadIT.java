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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case files from a real browser: headless Debian Chromium, driven by playwright-core
 * (local/src/test/browser/upload-from-browser.mjs), on a page of the local system's origin, sends a
 * photo and a 101 MiB video in parts straight to S3Proxy, which lets that origin in by CORS and keeps
 * another origin out. bin/test installs Chromium where it is missing.
 */
class BrowserUploadIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path data;

    @Test
    void aPageOfTheLocalOriginUploadsStraightToS3AndAPageOfAnotherOriginIsRefused() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "需要 Chromium / Chromium is required at " + CHROMIUM
                + " (bin/test installs Debian's chromium; or set CHROMIUM)");
        int port = ChildProcess.freePort();
        JsonNode result;
        try (LocalSystem system = LocalSystem.start("--port", Integer.toString(port), "--data", data.toString())) {
            result = runInBrowser("http://127.0.0.1:" + port);
        }

        JsonNode photo = result.path("photo");
        assertEquals("PUT", photo.path("method").asText(), result.toString());
        assertEquals(List.of(200), List.of(photo.path("put").get(0).asInt()));
        assertEquals(200, photo.path("completeStatus").asInt(), result.toString());
        assertEquals(400, photo.path("file").path("width").asInt(), "the canvas drawn 400×300");
        JsonNode video = result.path("video");
        assertEquals("MULTIPART", video.path("method").asText(), result.toString());
        assertEquals(13, video.path("parts").asInt(), "101 MiB in parts of 8 MiB");
        video.path("put").forEach(status -> assertEquals(200, status.asInt(), result.toString()));
        assertEquals(200, video.path("completeStatus").asInt(), result.toString());
        assertEquals(result.path("videoBytes").asLong(), video.path("file").path("size").asLong());
        assertEquals(200, result.path("downloadStatus").asInt());
        assertEquals(result.path("photoBytes").asInt(), result.path("downloaded").asInt(), "the link read across origins");
        assertEquals("[\"LANDSCAPE_PHOTO\",\"VIDEO\"]", result.path("files").toString());
        assertEquals("refused", result.path("foreignPut").asText());
        assertTrue(result.path("foreignConsole").asText().contains("blocked by CORS policy"), result.toString());
    }

    private JsonNode runInBrowser(String origin) throws Exception {
        return BrowserScript.run("upload-from-browser.mjs", origin, data.resolve("browser.log"), java.time.Duration.ofMinutes(3));
    }
}
