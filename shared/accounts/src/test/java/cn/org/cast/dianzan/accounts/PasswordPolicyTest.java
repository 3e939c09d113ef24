package cn.org.cast.dianzan.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"short", "123456789", "1234567890", "Password123", "QWERTYUIOP", "woaini1314520",
        "aaaaaaaaaaaa", "ababababab", "abcdefghijk", "9876543210", "zhangwei2026x", "12345678901234", "abcabcabcabc",
        "1234512345", "zyxwvutsrqp"})
    void refusesShortCommonRepeatedSequentialOrOwnNamePasswords(String password) {
        assertNotNull(PasswordPolicy.problem(password, "zhangwei@kexie.gov.cn"), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"科普案例征集2026年", "correct horse battery", "Kx7#pQ2m!vT9", "山水0628汇总表盖章"})
    void acceptsLongUncommonPasswordsInAnyScript(String password) {
        assertNull(PasswordPolicy.problem(password, "zhangwei@kexie.gov.cn"), password);
    }

    @Test
    void refusesThePersonsOwnMobileNumber() {
        assertEquals("密码不能包含手机号码", PasswordPolicy.problem("my13912345678pw", "a@b.cn", "13912345678"));
        assertNull(PasswordPolicy.problem("my13912345678pw", "a@b.cn", "13800000000"));
    }

    @Test
    void countsCharactersNotBytes() {
        assertNull(PasswordPolicy.problem("典赞科普中国推荐案例", "a@b.cn"));
        assertEquals("密码至少10个字符", PasswordPolicy.problem("典赞科普中国推荐案", "a@b.cn"));
    }

    @Test
    void aRefusalIsAValidationFailureOnTheField() {
        DomainException e = assertThrows(DomainException.class, () -> PasswordPolicy.check("password", "1234567890", "x@y.cn"));
        assertEquals(Failure.VALIDATION_FAILED, e.code());
        assertEquals("password", e.fields().get(0).field());
        assertEquals("WEAK_PASSWORD", e.fields().get(0).code());
    }
}
