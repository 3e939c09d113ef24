package cn.org.cast.dianzan.functions.codebinding;

import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeListQuery;
import cn.org.cast.dianzan.codes.CodeRepository;
import cn.org.cast.dianzan.codes.CodeService;
import cn.org.cast.dianzan.codes.CodeView;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitViews;
import cn.org.cast.dianzan.lambda.http.ApiHandler;
import cn.org.cast.dianzan.lambda.http.ApiRequest;
import cn.org.cast.dianzan.lambda.http.ApiResponse;
import cn.org.cast.dianzan.lambda.http.Routes;
import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** Recommendation codes: admins issue, list, export, revoke and reissue; units bind; implementers join. */
public class CodeBindingHandler extends ApiHandler {

    @Serdeable
    public record CodeList(List<CodeView> items, String nextCursor) {
    }

    @Serdeable
    public record MemberList(List<UnitViews.MemberView> items) {
    }

    private final CodeService codes;
    private final BindingService bindings;

    public CodeBindingHandler() {
        codes = bean(CodeService.class);
        bindings = bean(BindingService.class);
    }

    public CodeBindingHandler(ApplicationContext context) {
        super(context);
        codes = bean(CodeService.class);
        bindings = bean(BindingService.class);
    }

    @Override
    protected Routes routes(Routes routes) {
        return routes
                .admin("POST /admin/codes", request -> ApiResponse.created(new CodeList(
                        codes.issue(request.caller(), CodeService.intendedUnits(form(request))).stream()
                                .map(CodeView::of).toList(), null)))
                .admin("GET /admin/codes", request -> {
                    CodeListQuery query = CodeListQuery.from(request.query());
                    CodeRepository.Page page = codes.list(request.caller(), query.status(), query.limit(), query.cursor());
                    return ApiResponse.ok(new CodeList(page.items().stream().map(CodeView::of).toList(), page.nextCursor()));
                })
                .admin("GET /admin/codes/export", request -> ApiResponse.text("text/csv; charset=utf-8",
                        codes.exportCsv(request.caller()),
                        Map.of("Content-Disposition", "attachment; filename=\"recommendation-codes.csv\"")))
                .admin("POST /admin/codes/{code}/revoke", request ->
                        ApiResponse.ok(CodeView.of(codes.revoke(request.caller(), code(request)))))
                .admin("POST /admin/codes/{code}/reissue", request ->
                        ApiResponse.created(CodeView.of(codes.reissue(request.caller(), code(request)))))
                .recommender("POST /codes/{code}/bind", request -> ApiResponse.created(UnitViews.UnitView.of(
                        bindings.bind(request.caller(), code(request), UnitInfo.from(form(request))))))
                .implementer("POST /codes/{code}/join", request -> ApiResponse.created(UnitViews.MemberView.of(
                        bindings.join(request.caller(), code(request), JoinDetails.from(form(request))))))
                .recommender("GET /units/me/implementers", request -> ApiResponse.ok(new MemberList(
                        bindings.implementers(request.caller()).stream().map(UnitViews.MemberView::of).toList())))
                .recommender("POST /units/me/implementers/{memberId}/detach", request -> ApiResponse.ok(
                        UnitViews.MemberView.of(bindings.detach(request.caller(),
                                request.pathParameters().get("memberId")))))
                .signedIn("GET /me", request -> ApiResponse.ok(bindings.me(request.caller())));
    }

    private static String code(ApiRequest request) {
        return request.pathParameters().get("code");
    }
}
