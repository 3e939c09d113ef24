package cn.org.cast.dianzan.functions.casesave;

import cn.org.cast.dianzan.testing.RouteDeclarations;
import cn.org.cast.dianzan.testing.TestContexts;
import org.junit.jupiter.api.Test;

/** The routes CaseSaveHandler declares, with their access, are the routes template.yaml gives CaseSaveFunction. */
class CaseSaveRoutesTest {

    @Test
    void theDeclaredRoutesAreTheTemplatesRoutes() {
        try (CaseSaveHandler handler = new CaseSaveHandler(TestContexts.offline())) {
            RouteDeclarations.assertMatchTemplate(handler.routeAccess(), "CaseSaveFunction");
        }
    }
}
