package cn.org.cast.dianzan.functions.media;

import cn.org.cast.dianzan.testing.RouteDeclarations;
import cn.org.cast.dianzan.testing.TestContexts;
import org.junit.jupiter.api.Test;

/** The routes MediaUploadHandler declares, with their access, are the routes template.yaml gives MediaUploadFunction. */
class MediaUploadRoutesTest {

    @Test
    void theDeclaredRoutesAreTheTemplatesRoutes() {
        try (MediaUploadHandler handler = new MediaUploadHandler(TestContexts.offline())) {
            RouteDeclarations.assertMatchTemplate(handler.routeAccess(), "MediaUploadFunction");
        }
    }
}
