package cn.org.cast.dianzan.engines;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root: where template.yaml, node_modules and .engines live. */
public final class ProjectHome {

    private ProjectHome() {
    }

    public static Path locate() {
        String configured = System.getProperty("dianzan.home");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
        }
        throw new EngineException("找不到项目根目录（template.yaml）/ project root with template.yaml not found above "
                + Path.of("").toAbsolutePath() + "; set -Ddianzan.home");
    }

    public static Path templateFile() {
        return locate().resolve("template.yaml");
    }
}
