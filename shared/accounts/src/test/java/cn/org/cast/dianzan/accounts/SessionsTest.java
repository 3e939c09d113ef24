package cn.org.cast.dianzan.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SessionsTest {

    @Test
    void aRefreshTokenNamesItsSession() {
        Sessions.Presented presented = Sessions.parse("rt1.A1-2.P3-4.F5-6.7." + "x".repeat(43));
        assertEquals("A1-2", presented.accountId());
        assertEquals("P3-4", presented.personId());
        assertEquals("F5-6", presented.familyId());
        assertEquals(7, presented.generation());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"rt1.A.P.F.0.short", "rt2.A.P.F.0.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "eyJhbGciOiJub25lIn0.e30.", "rt1.A#.P.F.0.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void anythingElseIsAnInvalidRefreshToken(String token) {
        DomainException e = assertThrows(DomainException.class, () -> Sessions.parse(token));
        assertEquals(Failure.REFRESH_TOKEN_INVALID, e.code());
    }
}
