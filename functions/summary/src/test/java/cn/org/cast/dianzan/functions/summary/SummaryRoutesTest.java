package cn.org.cast.dianzan.functions.summary;

import cn.org.cast.dianzan.testing.RouteDeclarations;
import cn.org.cast.dianzan.testing.TestContexts;
import org.junit.jupiter.api.Test;

/** The routes SummaryHandler declares, with their access, are the routes template.yaml gives SummaryFunction. */
class SummaryRoutesTest {

    @Test
    void theDeclaredRoutesAreTheTemplatesRoutes() {
        try (SummaryHandler handler = new SummaryHandler(TestContexts.offline())) {
            RouteDeclarations.assertMatchTemplate(handler.routeAccess(), "SummaryFunction");
        }
    }
}
