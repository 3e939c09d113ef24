package cn.org.cast.dianzan.core;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who calls, read only from the claims that the API's JWT authorizer verified against our own issuer
 * (the accounts function signs them; API Gateway in the cloud and the local runner verify them with
 * its JWKS). {@code subject} is the account that owns units and cases: a recommending unit's or an
 * implementing organisation's seat, shared by its colleagues and kept through a handover.
 * {@code person} is the colleague signed in, the actor recorded in the audit. An anonymous caller
 * reached a public route.
 */
public record Caller(String subject, String person, String username, Set<String> groups, String accountType) {

    public static final String ADMIN_GROUP = "admin";
    /** The account types chosen at registration (claim {@code account_type}). */
    public static final String RECOMMENDER = "RECOMMENDER";
    public static final String IMPLEMENTER = "IMPLEMENTER";
    public static final String ADMIN = "ADMIN";
    private static final Caller ANONYMOUS = new Caller(null, null, null, Set.of(), null);

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /**
     * HTTP API hands claims over as strings; a list claim such as {@code groups} arrives
     * as {@code "[admin reviewer]"}, so both that form and a comma list are read. A token without a
     * {@code person} claim (none we issue) acts as its subject.
     */
    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null || claims.get("sub").isBlank()) {
            return ANONYMOUS;
        }
        String groups = claims.getOrDefault("groups", "").replace("[", "").replace("]", "");
        String person = claims.getOrDefault("person", claims.get("sub"));
        String username = claims.getOrDefault("username", person);
        return new Caller(claims.get("sub"), person, username, Arrays.stream(groups.split("[\\s,]+"))
                .filter(g -> !g.isBlank())
                .collect(Collectors.toUnmodifiableSet()), claims.get("account_type"));
    }

    public boolean authenticated() {
        return subject != null;
    }

    /** Who acted, for the audit trail: the colleague signed in, not the shared account. */
    public String actor() {
        return person;
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

    /** The account type chosen at registration (claim {@code account_type}): RECOMMENDER or IMPLEMENTER. */
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
