package cn.org.cast.dianzan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void readsCognitoGroupsAsHttpApiFlattensThem() {
        Caller caller = Caller.fromClaims(Map.of("sub", "s-1", "groups", "[admin reviewer]"));
        assertEquals(Set.of("admin", "reviewer"), caller.groups());
        assertTrue(caller.isAdmin());
    }

    @Test
    void withoutASubjectTheCallerIsAnonymousAndRefusedOnProtectedWork() {
        Caller caller = Caller.fromClaims(Map.of("groups", "[admin]"));
        assertFalse(caller.authenticated());
        assertEquals(Failure.UNAUTHENTICATED, assertThrows(DomainException.class, caller::requireAdmin).code());
    }

    @Test
    void aSignedInCallerOutsideTheAdminGroupIsForbiddenAdminWork() {
        Caller caller = Caller.fromClaims(Map.of("sub", "s-2", "groups", "[administrators]"));
        assertEquals(Failure.ADMIN_ONLY, assertThrows(DomainException.class, caller::requireAdmin).code());
    }
}
