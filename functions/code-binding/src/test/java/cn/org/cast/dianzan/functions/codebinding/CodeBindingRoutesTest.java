package cn.org.cast.dianzan.functions.codebinding;

import cn.org.cast.dianzan.testing.RouteDeclarations;
import cn.org.cast.dianzan.testing.TestContexts;
import org.junit.jupiter.api.Test;

/** The routes CodeBindingHandler declares, with their access, are the routes template.yaml gives CodeBindingFunction. */
class CodeBindingRoutesTest {

    @Test
    void theDeclaredRoutesAreTheTemplatesRoutes() {
        try (CodeBindingHandler handler = new CodeBindingHandler(TestContexts.offline())) {
            RouteDeclarations.assertMatchTemplate(handler.routeAccess(), "CodeBindingFunction");
        }
    }
}
