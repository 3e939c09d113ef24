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
                    List.of(new RouteSpec("GET", "/campaign", true), new RouteSpec("PUT", "/campaign", false))));

    public String jarPath() {
        return "functions/" + module + "/target/" + module + "-function.jar";
    }
}
