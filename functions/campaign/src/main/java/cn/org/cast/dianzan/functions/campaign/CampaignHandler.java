package cn.org.cast.dianzan.functions.campaign;

import cn.org.cast.dianzan.campaign.Campaign;
import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.campaign.CampaignSettings;
import cn.org.cast.dianzan.lambda.http.ApiHandler;
import cn.org.cast.dianzan.lambda.http.ApiResponse;
import cn.org.cast.dianzan.lambda.http.Routes;
import io.micronaut.context.ApplicationContext;

/** GET /campaign (public): the current campaign and its phase. PUT /campaign (admin): change it. */
public class CampaignHandler extends ApiHandler {

    private final CampaignService campaigns;

    public CampaignHandler() {
        campaigns = bean(CampaignService.class);
    }

    public CampaignHandler(ApplicationContext context) {
        super(context);
        campaigns = bean(CampaignService.class);
    }

    @Override
    protected Routes routes(Routes routes) {
        return routes
                .open("GET /campaign", request -> respond(campaigns.current()))
                .admin("PUT /campaign", request -> respond(campaigns.update(request.caller(),
                        CampaignSettings.from(form(request)), request.ifMatchVersion())));
    }

    private ApiResponse respond(Campaign campaign) {
        return ApiResponse.ok(campaigns.view(campaign)).withVersion(campaign.version());
    }
}
