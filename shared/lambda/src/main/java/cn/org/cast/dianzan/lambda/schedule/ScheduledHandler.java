package cn.org.cast.dianzan.lambda.schedule;

import cn.org.cast.dianzan.lambda.HandlerContextSerializer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every scheduled function (an EventBridge rule's {@link EventBridgeSchedule}): no request
 * body, no caller. The job calls the same domain services the HTTP functions call and answers what
 * it did. A failure is rethrown, so that EventBridge retries the event and, after the last retry,
 * hands it to the dead-letter queue: a job never fails silently.
 */
public abstract class ScheduledHandler extends MicronautRequestHandler<EventBridgeSchedule, JobReport> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledHandler.class);

    /** The constructor Lambda calls. */
    protected ScheduledHandler() {
        super();
        HandlerContextSerializer.handlerStarted(getApplicationContext());
    }

    /** For tests and the local runner: a context built with the engines' properties and, where time matters, a clock. */
    protected ScheduledHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public final JobReport execute(EventBridgeSchedule event) {
        try {
            JobReport report = run();
            LOG.info("{} (event {}): {}", getClass().getSimpleName(), event == null ? null : event.id(),
                    report.outcome());
            return report;
        } catch (RuntimeException e) {
            LOG.error("{} failed (event {}): {}", getClass().getSimpleName(), event == null ? null : event.id(),
                    e.getClass().getName(), e);
            throw e;
        }
    }

    /** One run of the job: idempotent, since EventBridge may deliver an event more than once. */
    protected abstract JobReport run();

    protected <T> T bean(Class<T> type) {
        return getApplicationContext().getBean(type);
    }
}
