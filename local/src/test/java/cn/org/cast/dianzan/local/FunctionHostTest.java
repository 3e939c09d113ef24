package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The runner hands each function the event type its handler declares, as Lambda's Java runtime does. */
class FunctionHostTest {

    abstract static class Base<I, O> implements RequestHandler<I, O> {
    }

    abstract static class TypedBase extends Base<Instant, String> {
    }

    static final class Handler extends TypedBase {
        @Override
        public String handleRequest(Instant input, Context context) {
            return input.toString();
        }
    }

    static final class Raw implements RequestHandler<Object, Object> {
        @Override
        public Object handleRequest(Object input, Context context) {
            return input;
        }
    }

    @Test
    void theEventTypeIsTheFirstTypeArgumentOfTheHandlersGenericBase() {
        assertEquals(Instant.class, FunctionHost.eventType(Handler.class));
    }

    @Test
    void aHandlerThatDeclaresNoEventTypeIsAClearError() {
        assertThrows(LocalSystemException.class, () -> FunctionHost.eventType(Raw.class));
    }
}
