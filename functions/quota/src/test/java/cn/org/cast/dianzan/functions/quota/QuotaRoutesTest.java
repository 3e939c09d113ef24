package cn.org.cast.dianzan.functions.quota;

import cn.org.cast.dianzan.testing.RouteDeclarations;
import cn.org.cast.dianzan.testing.TestContexts;
import org.junit.jupiter.api.Test;

/** The routes QuotaHandler declares, with their access, are the routes template.yaml gives QuotaFunction. */
class QuotaRoutesTest {

    @Test
    void theDeclaredRoutesAreTheTemplatesRoutes() {
        try (QuotaHandler handler = new QuotaHandler(TestContexts.offline())) {
            RouteDeclarations.assertMatchTemplate(handler.routeAccess(), "QuotaFunction");
        }
    }
}
