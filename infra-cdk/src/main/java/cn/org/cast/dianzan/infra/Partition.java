package cn.org.cast.dianzan.infra;

import java.util.Arrays;

/**
 * The AWS partition the stack is synthesized for, chosen by the context value {@code partition}. One code path
 * builds both; the China variant leaves out what the China regions lack (Cognito user pools and Cognito
 * authorizers, SES, X-Ray, Lambda function URLs): its mail goes through an SMTP provider.
 */
public enum Partition {
    /** The global regions: mail through SES. */
    GLOBAL("aws"),
    /** Beijing (cn-north-1) and Ningxia (cn-northwest-1): mail through an SMTP provider. */
    CHINA("aws-cn");

    private final String id;

    Partition(String id) {
        this.id = id;
    }

    /** As AWS names it ({@code AWS::Partition}). */
    public String id() {
        return id;
    }

    /** The partition a context value names; absent means the global one. */
    public static Partition of(Object contextValue) {
        if (contextValue == null) {
            return GLOBAL;
        }
        return Arrays.stream(values()).filter(p -> p.id.equals(contextValue.toString())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("context value partition must be aws or aws-cn, not "
                        + contextValue));
    }
}
