package cn.org.cast.dianzan.core.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The system clock; a test registers a fixed Clock, which takes precedence over this one. */
@Factory
public class TimeFactory {

    @Singleton
    @Secondary
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
