package cn.org.cast.dianzan.core.aws;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Physical table names, from the DIANZAN_TABLES_* variables that template.yaml and the CDK stack set. */
@Singleton
public record TableNames(@Value("${dianzan.tables.main}") String main,
                         @Value("${dianzan.tables.audit}") String audit) {
}
