package cn.org.cast.dianzan.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.cast.dianzan.engines.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check each function's route test relies on, shown to catch each kind of drift. */
class RouteDeclarationsTest {

    private static final SamTemplate.Function FUNCTION = new SamTemplate.Function("CampaignFunction", "x.jar", "H",
            "java21", 1024, 15, List.of(), List.of(new SamTemplate.Route("GET", "/campaign", false),
            new SamTemplate.Route("PUT", "/campaign", true)), List.of());

    @Test
    void matchingDeclarationsHaveNoMismatch() {
        assertEquals(List.of(), RouteDeclarations.mismatches(
                Map.of("GET /campaign", "PUBLIC", "PUT /campaign", "ADMIN"), FUNCTION));
    }

    @Test
    void aRouteDeclaredInTheHandlerButMissingFromTheTemplateIsCaught() {
        assertEquals(List.of("DELETE /campaign: declared by the handler, missing from CampaignFunction in template.yaml"),
                RouteDeclarations.mismatches(Map.of("GET /campaign", "PUBLIC", "PUT /campaign", "ADMIN",
                        "DELETE /campaign", "ADMIN"), FUNCTION));
    }

    @Test
    void aRouteInTheTemplateThatNoHandlerDeclaresIsCaught() {
        assertEquals(List.of("PUT /campaign: in template.yaml for CampaignFunction, not declared by the handler"),
                RouteDeclarations.mismatches(Map.of("GET /campaign", "PUBLIC"), FUNCTION));
    }

    @Test
    void aRoutePublicOnOneSideOnlyIsCaught() {
        assertEquals(List.of("GET /campaign: the handler declares SIGNED_IN but template.yaml has it public (Auth: NONE)",
                        "PUT /campaign: the handler declares PUBLIC but template.yaml has it behind the authorizer"),
                RouteDeclarations.mismatches(Map.of("GET /campaign", "SIGNED_IN", "PUT /campaign", "PUBLIC"), FUNCTION));
    }
}
