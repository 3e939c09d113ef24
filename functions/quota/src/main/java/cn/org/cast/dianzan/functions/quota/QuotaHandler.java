package cn.org.cast.dianzan.functions.quota;

import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.lambda.http.ApiHandler;
import cn.org.cast.dianzan.lambda.http.ApiRequest;
import cn.org.cast.dianzan.lambda.http.ApiResponse;
import cn.org.cast.dianzan.lambda.http.Routes;
import cn.org.cast.dianzan.review.RecommendRequest;
import cn.org.cast.dianzan.review.RecommendationService;
import cn.org.cast.dianzan.review.RejectRequest;
import cn.org.cast.dianzan.review.ReturnRequest;
import cn.org.cast.dianzan.review.ReviewInbox;
import cn.org.cast.dianzan.review.ReviewService;
import io.micronaut.context.ApplicationContext;

/**
 * The recommending unit's side: review a submitted case (approve, return for changes, reject),
 * recommend or withdraw within its quota (a swap in one step), its places left, its review inbox;
 * and a case's review and history to whoever may read it.
 */
public class QuotaHandler extends ApiHandler {

    private final ReviewService reviews;
    private final RecommendationService recommendations;
    private final ReviewInbox inbox;
    private final CaseService cases;

    public QuotaHandler() {
        reviews = bean(ReviewService.class);
        recommendations = bean(RecommendationService.class);
        inbox = bean(ReviewInbox.class);
        cases = bean(CaseService.class);
    }

    public QuotaHandler(ApplicationContext context) {
        super(context);
        reviews = bean(ReviewService.class);
        recommendations = bean(RecommendationService.class);
        inbox = bean(ReviewInbox.class);
        cases = bean(CaseService.class);
    }

    @Override
    protected Routes routes(Routes routes) {
        return routes
                .recommender("POST /cases/{id}/approve", request -> reviewed(request,
                        reviews.approve(request.caller(), id(request), request.ifMatchVersion())))
                .recommender("POST /cases/{id}/return", request -> reviewed(request,
                        reviews.returnForChanges(request.caller(), id(request), request.ifMatchVersion(),
                                ReturnRequest.from(form(request)))))
                .recommender("POST /cases/{id}/reject", request -> reviewed(request,
                        reviews.reject(request.caller(), id(request), request.ifMatchVersion(),
                                RejectRequest.from(form(request)))))
                .signedIn("GET /cases/{id}/review", request -> ApiResponse.ok(reviews.review(request.caller(), id(request))))
                .recommender("POST /cases/{id}/recommend", request -> ApiResponse.ok(recommendations.recommend(
                        request.caller(), id(request), recommendation(request).replaces())))
                .recommender("DELETE /cases/{id}/recommend", request -> ApiResponse.ok(
                        recommendations.withdraw(request.caller(), id(request))))
                .recommender("GET /units/me/quota", request -> ApiResponse.ok(recommendations.quota(request.caller())))
                .recommender("GET /units/me/cases", request -> ApiResponse.ok(
                        inbox.list(request.caller(), ReviewInbox.Query.from(request.query()))));
    }

    /** The case as its unit now sees it, with its version as the ETag. */
    private ApiResponse reviewed(ApiRequest request, CaseRecord record) {
        return ApiResponse.ok(cases.view(request.caller(), record)).withVersion(record.version());
    }

    /** The body is optional: none is a plain recommendation. */
    private RecommendRequest recommendation(ApiRequest request) {
        return request.body() == null || request.body().isBlank() ? RecommendRequest.none()
                : RecommendRequest.from(form(request));
    }

    private static String id(ApiRequest request) {
        return request.pathParameters().get("id");
    }
}
