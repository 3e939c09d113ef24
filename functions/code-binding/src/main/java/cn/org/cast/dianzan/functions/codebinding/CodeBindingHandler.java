package cn.org.cast.dianzan.functions.codebinding;

import cn.org.cast.dianzan.api.ApiHandler;
import cn.org.cast.dianzan.api.ApiRequest;
import cn.org.cast.dianzan.api.ApiResponse;
import cn.org.cast.dianzan.api.Routes;
import cn.org.cast.dianzan.code.CodeListQuery;
import cn.org.cast.dianzan.code.CodeRepository;
import cn.org.cast.dianzan.code.CodeService;
import cn.org.cast.dianzan.code.CodeView;
import cn.org.cast.dianzan.unit.BindingService;
import cn.org.cast.dianzan.unit.UnitViews;
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
                        codes.issue(request.caller(), CodeService.intendedUnits(fields(request))).stream()
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
                .signedIn("POST /codes/{code}/bind", request -> ApiResponse.created(UnitViews.UnitView.of(
                        bindings.bind(request.caller(), code(request), fields(request)))))
                .signedIn("POST /codes/{code}/join", request -> ApiResponse.created(UnitViews.MemberView.of(
                        bindings.join(request.caller(), code(request), fields(request)))))
                .signedIn("GET /units/me/implementers", request -> ApiResponse.ok(new MemberList(
                        bindings.implementers(request.caller()).stream().map(UnitViews.MemberView::of).toList())))
                .signedIn("POST /units/me/implementers/{memberId}/detach", request -> ApiResponse.ok(
                        UnitViews.MemberView.of(bindings.detach(request.caller(),
                                request.pathParameters().get("memberId")))))
                .signedIn("GET /me", request -> ApiResponse.ok(bindings.me(request.caller())));
    }

    private static String code(ApiRequest request) {
        return request.pathParameters().get("code");
    }
}
