package cn.org.cast.dianzan.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.services.lambda.Code;

/** Where each function's code comes from. */
@FunctionalInterface
public interface FunctionCode {

    Code of(FunctionSpec spec);

    /** The jars {@code mvn package} built: what is deployed. A missing jar stops the synth. */
    static FunctionCode builtJars(Path home) {
        return spec -> {
            Path jar = home.resolve(spec.jarPath());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("function jar missing: " + jar + " (run mvn package first)");
            }
            return Code.fromAsset(jar.toString());
        };
    }
}
