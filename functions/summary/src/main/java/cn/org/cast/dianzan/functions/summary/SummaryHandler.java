package cn.org.cast.dianzan.functions.summary;

import cn.org.cast.dianzan.lambda.http.ApiHandler;
import cn.org.cast.dianzan.lambda.http.ApiRequest;
import cn.org.cast.dianzan.lambda.http.ApiResponse;
import cn.org.cast.dianzan.lambda.http.Routes;
import cn.org.cast.dianzan.summary.CaseSheetService;
import cn.org.cast.dianzan.summary.Confirmation;
import cn.org.cast.dianzan.summary.ScanRequest;
import cn.org.cast.dianzan.summary.SummaryService;
import io.micronaut.context.ApplicationContext;

/**
 * The printed sheets: a case's information sheet; the unit's summary sheet (generate, read with its
 * status ladder), the upload and confirmation of its stamped scan with the receipt; and an admin's
 * view of any unit's submission.
 */
public class SummaryHandler extends ApiHandler {

    private final SummaryService summaries;
    private final CaseSheetService caseSheets;

    public SummaryHandler() {
        summaries = bean(SummaryService.class);
        caseSheets = bean(CaseSheetService.class);
    }

    public SummaryHandler(ApplicationContext context) {
        super(context);
        summaries = bean(SummaryService.class);
        caseSheets = bean(CaseSheetService.class);
    }

    @Override
    protected Routes routes(Routes routes) {
        return routes
                .signedIn("GET /cases/{id}/sheet", request -> ApiResponse.ok(caseSheets.sheet(request.caller(), id(request))))
                .recommender("POST /units/me/summary", request -> ApiResponse.ok(summaries.generate(request.caller())))
                .recommender("GET /units/me/summary", request -> ApiResponse.ok(summaries.status(request.caller())))
                .recommender("POST /units/me/summary/scan", request -> ApiResponse.created(
                        summaries.signScan(request.caller(), ScanRequest.from(form(request)))))
                .recommender("POST /units/me/summary/stamped", request -> ApiResponse.ok(
                        summaries.confirm(request.caller(), Confirmation.from(form(request)))))
                .admin("GET /admin/units/{id}/summary", request -> ApiResponse.ok(
                        summaries.statusOf(request.caller(), id(request))));
    }

    private static String id(ApiRequest request) {
        return request.pathParameters().get("id");
    }
}
