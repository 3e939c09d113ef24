package cn.org.cast.dianzan.functions.media;

import cn.org.cast.dianzan.lambda.http.ApiHandler;
import cn.org.cast.dianzan.lambda.http.ApiRequest;
import cn.org.cast.dianzan.lambda.http.ApiResponse;
import cn.org.cast.dianzan.lambda.http.Routes;
import cn.org.cast.dianzan.media.MediaService;
import cn.org.cast.dianzan.media.UploadRequest;
import io.micronaut.context.ApplicationContext;

/**
 * A case's files: sign an upload straight to S3 (in parts for a large video), sign it again to resume,
 * complete it (verified), read one, remove one or cancel an upload.
 */
public class MediaUploadHandler extends ApiHandler {

    private final MediaService media;

    public MediaUploadHandler() {
        media = bean(MediaService.class);
    }

    public MediaUploadHandler(ApplicationContext context) {
        super(context);
        media = bean(MediaService.class);
    }

    @Override
    protected Routes routes(Routes routes) {
        return routes
                .signedIn("POST /cases/{id}/uploads", request -> ApiResponse.created(
                        media.sign(request.caller(), id(request), UploadRequest.from(form(request)))))
                .signedIn("POST /uploads/{id}/complete", request ->
                        ApiResponse.ok(media.complete(request.caller(), id(request))))
                .signedIn("POST /uploads/{id}/renew", request ->
                        ApiResponse.ok(media.renew(request.caller(), id(request))))
                .signedIn("GET /uploads/{id}", request -> ApiResponse.ok(media.link(request.caller(), id(request))))
                .signedIn("DELETE /uploads/{id}", request -> {
                    media.remove(request.caller(), id(request));
                    return ApiResponse.noContent();
                });
    }

    private static String id(ApiRequest request) {
        return request.pathParameters().get("id");
    }
}
