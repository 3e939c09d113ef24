package cn.org.cast.dianzan.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * micronaut-function-aws 4.11.0 registers the Lambda Context, its logger, client context and
 * identity as four NEW singletons on every call: a warm instance grows by a bean definition set per
 * request and slows down through a deadline rush. No bean of ours injects the Context, so nothing
 * is registered.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public class SteadyLambdaContextFactory implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context lambdaContext) {
        // deliberately nothing: see the class comment
    }
}
