package cn.org.cast.dianzan.functions.accounts;

import cn.org.cast.dianzan.testing.RouteDeclarations;
import cn.org.cast.dianzan.testing.TestContexts;
import org.junit.jupiter.api.Test;

/** The routes AccountsHandler declares, with their access, are the routes template.yaml gives AccountsFunction. */
class AccountsRoutesTest {

    @Test
    void theDeclaredRoutesAreTheTemplatesRoutes() {
        try (AccountsHandler handler = new AccountsHandler(TestContexts.offline())) {
            RouteDeclarations.assertMatchTemplate(handler.routeAccess(), "AccountsFunction");
        }
    }
}
