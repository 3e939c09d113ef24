package cn.org.cast.dianzan.summary.print;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the sample sheets to target/sheets/ on every build, where docs/sheets/ is rendered from. */
class SheetSamplesTest {

    @Test
    void samplesAreWritten() throws IOException {
        for (Path path : SheetSamples.write(Path.of("target", "sheets"))) {
            assertTrue(Files.size(path) > 1000, path + " is written");
        }
    }
}
