package cn.org.cast.dianzan.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * One kind of cold JVM: a jar, the handler Lambda would build from it, the event it answers first,
 * the memory the function is given and the environment variables it is configured by.
 */
record Subject(String variant, Path jar, String handler, String eventClass, Path event, int memoryMb,
               Map<String, String> environment) {

    double jarMegabytes() {
        return jar.toFile().length() / 1e6;
    }
}
