package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.SamTemplate;
import com.amazonaws.services.lambda.runtime.Context;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each function runs from its own jar in its own class loader; only the Lambda core API is shared. */
class FunctionHostIT {

    private static URLClassLoader loaderFor(String logicalId) throws Exception {
        SamTemplate.Function function = SamTemplate.load().functions().stream()
                .filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
        Path jar = ProjectHome.locate().resolve(function.codeUri());
        return new URLClassLoader(logicalId, new URL[] {jar.toUri().toURL()},
                new LambdaApiClassLoader(FunctionHostIT.class.getClassLoader()));
    }

    @Test
    void twoFunctionsShareTheLambdaApiButNoneOfTheirOwnClasses() throws Exception {
        try (URLClassLoader campaign = loaderFor("CampaignFunction");
             URLClassLoader codes = loaderFor("CodeBindingFunction")) {
            String shared = "cn.org.cast.dianzan.lambda.http.ApiResponses";
            assertNotSame(campaign.loadClass(shared), codes.loadClass(shared));
            assertNotSame(campaign.loadClass("io.micronaut.context.ApplicationContext"),
                    codes.loadClass("io.micronaut.context.ApplicationContext"));
            assertSame(Context.class, campaign.loadClass(Context.class.getName()));
            assertSame(Context.class, codes.loadClass(Context.class.getName()));
            assertThrows(ClassNotFoundException.class, () -> campaign.loadClass(LocalSystem.class.getName()));
        }
    }
}
