package cn.org.cast.dianzan.core;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who calls, read only from the claims that the API's JWT authorizer verified (Cognito in the
 * cloud, the local runner's signer locally). An anonymous caller reached a public route.
 */
public record Caller(String subject, String username, Set<String> groups, String accountType) {

    public static final String ADMIN_GROUP = "admin";
    /** The account types chosen at registration (Cognito custom:account_type). */
    public static final String RECOMMENDER = "RECOMMENDER";
    public static final String IMPLEMENTER = "IMPLEMENTER";
    private static final Caller ANONYMOUS = new Caller(null, null, Set.of(), null);

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /**
     * HTTP API hands claims over as strings; a list claim such as {@code cognito:groups} arrives
     * as {@code "[admin reviewer]"}, so both that form and a comma list are read.
     */
    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null || claims.get("sub").isBlank()) {
            return ANONYMOUS;
        }
        String groups = claims.getOrDefault("cognito:groups", "").replace("[", "").replace("]", "");
        String username = claims.getOrDefault("cognito:username", claims.getOrDefault("username", claims.get("sub")));
        return new Caller(claims.get("sub"), username, Arrays.stream(groups.split("[\\s,]+"))
                .filter(g -> !g.isBlank())
                .collect(Collectors.toUnmodifiableSet()), claims.get("custom:account_type"));
    }

    public boolean authenticated() {
        return subject != null;
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN_GROUP);
    }

    public Caller requireAuthenticated() {
        if (!authenticated()) {
            throw new DomainException(Failure.UNAUTHENTICATED);
        }
        return this;
    }

    /** The account type chosen at registration (Cognito custom:account_type): RECOMMENDER or IMPLEMENTER. */
    public Caller requireAccountType(String type) {
        if (!type.equals(requireAuthenticated().accountType())) {
            throw new DomainException(Failure.WRONG_ACCOUNT_TYPE);
        }
        return this;
    }

    public Caller requireAdmin() {
        if (!requireAuthenticated().isAdmin()) {
            throw new DomainException(Failure.ADMIN_ONLY);
        }
        return this;
    }
}
