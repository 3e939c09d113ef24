package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A browser test's node script (playwright-core driving Debian's Chromium) run against a local system's origin. */
final class BrowserScript {

    private BrowserScript() {
    }

    /** Runs {@code local/src/test/browser/<script>}; its standard error goes to {@code log}; its last line is its JSON. */
    static JsonNode run(String script, String origin, Path log, Duration timeout) throws Exception {
        Process node = new ProcessBuilder("node", "local/src/test/browser/" + script, origin)
                .directory(ProjectHome.locate().toFile()).redirectError(log.toFile()).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS), "the browser did not finish");
        assertEquals(0, node.exitValue(), "the browser script failed: " + Files.readString(log) + out);
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }
}
