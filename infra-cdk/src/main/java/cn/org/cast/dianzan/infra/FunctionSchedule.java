package cn.org.cast.dianzan.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * An EventBridge rule that invokes a function on a schedule, retries a failed delivery a few times and then
 * keeps the event 14 days in a dead-letter queue, where an operator finds what did not run.
 */
final class FunctionSchedule extends Construct {

    FunctionSchedule(Construct scope, String id, FunctionSpec.ScheduleSpec schedule, IFunction target) {
        super(scope, id);
        Queue deadLetters = Queue.Builder.create(this, "DeadLetterQueue")
                // SQS-managed keys: EventBridge may send to the queue without a KMS key policy for it.
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        Rule.Builder.create(this, "Rule")
                .schedule(Schedule.expression(schedule.expression()))
                .targets(List.of(LambdaFunction.Builder.create(target)
                        .retryAttempts(schedule.maximumRetryAttempts())
                        .maxEventAge(Duration.seconds(schedule.maximumEventAge().toSeconds()))
                        .deadLetterQueue(deadLetters)
                        .build()))
                .build();
    }
}
