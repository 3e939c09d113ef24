package cn.org.cast.dianzan.functions.casesave;

import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseFormSchema;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.CaseView;
import cn.org.cast.dianzan.lambda.http.ApiHandler;
import cn.org.cast.dianzan.lambda.http.ApiRequest;
import cn.org.cast.dianzan.lambda.http.ApiResponse;
import cn.org.cast.dianzan.lambda.http.Routes;
import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** The case form: create (idempotent), read, edit (If-Match), list, delete drafts, submit; 2025 list for admins. */
public class CaseSaveHandler extends ApiHandler {

    @Serdeable
    public record CaseList(List<CaseView.Summary> items) {
    }

    @Serdeable
    public record Imported(int rows) {
    }

    private final CaseService cases;

    public CaseSaveHandler() {
        cases = bean(CaseService.class);
    }

    public CaseSaveHandler(ApplicationContext context) {
        super(context);
        cases = bean(CaseService.class);
    }

    @Override
    protected Routes routes(Routes routes) {
        return routes
                .signedIn("GET /case-form", request -> ApiResponse.ok(CaseFormSchema.CURRENT))
                .signedIn("POST /cases", request -> {
                    CaseService.Created created = cases.create(request.caller(), request.header("Idempotency-Key"),
                            CaseForm.read(form(request)));
                    ApiResponse response = respond(request, created.record(), created.replayed() ? 200 : 201);
                    return created.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
                })
                .signedIn("GET /cases", request -> ApiResponse.ok(new CaseList(
                        cases.list(request.caller()).stream().map(CaseView.Summary::of).toList())))
                .signedIn("GET /cases/{id}", request -> {
                    CaseView view = cases.read(request.caller(), id(request));
                    return ApiResponse.ok(view).withVersion(view.version());
                })
                .signedIn("PUT /cases/{id}", request -> respond(request, cases.update(request.caller(), id(request),
                        request.ifMatchVersion(), CaseForm.read(form(request))), 200))
                .signedIn("DELETE /cases/{id}", request -> {
                    cases.delete(request.caller(), id(request), request.ifMatchVersion());
                    return ApiResponse.noContent();
                })
                .signedIn("POST /cases/{id}/submit", request -> respond(request,
                        cases.submit(request.caller(), id(request), request.ifMatchVersion()), 200))
                .admin("POST /admin/selected-2025", request ->
                        ApiResponse.ok(new Imported(cases.import2025(request.caller(), request.body()))))
                .admin("POST /admin/cases/{id}/clear-2025-match", request -> respond(request,
                        cases.clear2025Match(request.caller(), id(request)), 200));
    }

    private ApiResponse respond(ApiRequest request, CaseRecord record, int status) {
        return new ApiResponse(status, cases.view(request.caller(), record), Map.of()).withVersion(record.version());
    }

    private static String id(ApiRequest request) {
        return request.pathParameters().get("id");
    }
}
