package cn.org.cast.dianzan.testing;

import cn.org.cast.dianzan.lambda.http.ApiHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two tests every function's sample events get, for an IT (one instance per class) that sets up
 * the samples' data and names them: each sample keeps the answer its name promises, and the list
 * covers the folder, each sample naming a route the handler declares.
 */
public interface SampleEventsContract {

    /** The samples of the function's folder of events/, each with its promise. */
    SampleEvents samples();

    /** The function's handler, built against the engines with the samples' data in place. */
    ApiHandler handler();

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    default void theSampleGetsTheAnswerItsNamePromises(SampleEvents.Sample sample) {
        APIGatewayV2HTTPResponse response = handler().handleRequest(sample.event(), new FakeLambdaContext());

        sample.assertKeptBy(response);
    }

    @Test
    default void everySampleOfTheFolderIsCheckedAndNamesARouteOfTheHandler() {
        samples().assertCoverFolder(handler().routeAccess().keySet());
    }
}
