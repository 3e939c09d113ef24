package cn.org.cast.dianzan.functions.campaign;

import cn.org.cast.dianzan.testing.RouteDeclarations;
import cn.org.cast.dianzan.testing.TestContexts;
import org.junit.jupiter.api.Test;

/** The routes CampaignHandler declares, with their access, are the routes template.yaml gives CampaignFunction. */
class CampaignRoutesTest {

    @Test
    void theDeclaredRoutesAreTheTemplatesRoutes() {
        try (CampaignHandler handler = new CampaignHandler(TestContexts.offline())) {
            RouteDeclarations.assertMatchTemplate(handler.routeAccess(), "CampaignFunction");
        }
    }
}
