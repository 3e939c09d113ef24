package cn.org.cast.dianzan.infra;

import java.util.List;

/** One Lambda function of the system: its module, handler and HTTP routes. template.yaml says the same. */
public record FunctionSpec(String id, String module, String handler, String description, List<RouteSpec> routes) {

    /** An HTTP API route; {@code open} routes take no token. */
    public record RouteSpec(String method, String path, boolean open) {
    }

    public static final List<FunctionSpec> ALL = List.of(
            new FunctionSpec("CampaignFunction", "campaign",
                    "cn.org.cast.dianzan.functions.campaign.CampaignHandler",
                    "The campaign - dates, quotas and phase (GET public, PUT admin).",
                    List.of(new RouteSpec("GET", "/campaign", true), new RouteSpec("PUT", "/campaign", false))),
            new FunctionSpec("CodeBindingFunction", "code-binding",
                    "cn.org.cast.dianzan.functions.codebinding.CodeBindingHandler",
                    "Recommendation codes - admins issue, revoke and reissue; units bind; implementers join.",
                    List.of(
                            new RouteSpec("POST", "/admin/codes", false),
                            new RouteSpec("GET", "/admin/codes", false),
                            new RouteSpec("GET", "/admin/codes/export", false),
                            new RouteSpec("POST", "/admin/codes/{code}/revoke", false),
                            new RouteSpec("POST", "/admin/codes/{code}/reissue", false),
                            new RouteSpec("POST", "/codes/{code}/bind", false),
                            new RouteSpec("POST", "/codes/{code}/join", false),
                            new RouteSpec("GET", "/units/me/implementers", false),
                            new RouteSpec("POST", "/units/me/implementers/{memberId}/detach", false),
                            new RouteSpec("GET", "/me", false))),
            new FunctionSpec("CaseSaveFunction", "case-save",
                    "cn.org.cast.dianzan.functions.casesave.CaseSaveHandler",
                    "The case form - create (idempotent), edit (If-Match), delete, submit; the 2025 list.",
                    List.of(
                            new RouteSpec("GET", "/case-form", false),
                            new RouteSpec("POST", "/cases", false),
                            new RouteSpec("GET", "/cases", false),
                            new RouteSpec("GET", "/cases/{id}", false),
                            new RouteSpec("PUT", "/cases/{id}", false),
                            new RouteSpec("DELETE", "/cases/{id}", false),
                            new RouteSpec("POST", "/cases/{id}/submit", false),
                            new RouteSpec("POST", "/admin/selected-2025", false),
                            new RouteSpec("POST", "/admin/cases/{id}/clear-2025-match", false))));

    public String jarPath() {
        return "functions/" + module + "/target/" + module + "-function.jar";
    }
}
