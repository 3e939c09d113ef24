package cn.org.cast.dianzan.testing;

import cn.org.cast.dianzan.core.Caller;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accounts the sample events of events/ sign in as, so that a test sets up their data under the
 * very identities the samples carry: {@code sub}, {@code username} and the account type.
 */
public record SampleAccount(String subject, String username, String accountType) {

    public static final SampleAccount ADMIN = new SampleAccount("0b1e7f0a-admin-0001", "admin", "ADMIN");
    /** A recommending unit that has bound its code; implementers have joined it. */
    public static final SampleAccount UNIT_A = new SampleAccount("5c2d9e11-unit-0001", "unit-a", Caller.RECOMMENDER);
    /** A recommending unit about to bind its code. */
    public static final SampleAccount UNIT_B = new SampleAccount("5c2d9e11-unit-0002", "unit-b", Caller.RECOMMENDER);
    /** A recommending unit holding the code an implementer joins with. */
    public static final SampleAccount UNIT_C = new SampleAccount("5c2d9e11-unit-0003", "unit-c", Caller.RECOMMENDER);
    /** A recommending unit's account that has bound no code yet. */
    public static final SampleAccount UNIT_D = new SampleAccount("5c2d9e11-unit-0004", "unit-d", Caller.RECOMMENDER);
    /** An implementing unit (某市科技馆) under unit-a: it enters the sample cases. */
    public static final SampleAccount MUSEUM_B = new SampleAccount("7a3f0c22-impl-0001", "museum-b", Caller.IMPLEMENTER);
    /** An implementing unit that has not joined any unit yet. */
    public static final SampleAccount MUSEUM_C = new SampleAccount("7a3f0c22-impl-0002", "museum-c", Caller.IMPLEMENTER);
    /** An implementing unit under unit-a that joined by mistake. */
    public static final SampleAccount SCHOOL_D = new SampleAccount("7a3f0c22-impl-0003", "school-d", Caller.IMPLEMENTER);

    /** The claims as the JWT authorizer hands them to the function (groups as {@code "[admin]"}). */
    public Map<String, String> claims() {
        Map<String, String> claims = new LinkedHashMap<>(Map.of("sub", subject, "username", username,
                "account_type", accountType));
        if ("ADMIN".equals(accountType)) {
            claims.put("groups", "[" + Caller.ADMIN_GROUP + "]");
        }
        return claims;
    }

    public Caller caller() {
        return Caller.fromClaims(claims());
    }
}
