package cn.org.cast.dianzan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormTest {

    private static Form of(String field, String value) {
        return Form.of(Map.of(field, value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "+86 138 1234 5678", "010-68526368", "0755-23456789", "021-62345678-801",
        "(010)68526368"})
    void acceptsMainlandMobileAndLandlineNumbers(String phone) {
        Form fields = of("phone", phone);
        fields.phone("phone", "联系电话");
        fields.throwIfInvalid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "68526368", "010-1234", "abc", "+1 415 555 0100"})
    void refusesWhatIsNotAMainlandNumber(String phone) {
        Form fields = of("phone", phone);
        assertNull(fields.phone("phone", "联系电话"));
        DomainException e = assertThrows(DomainException.class, fields::throwIfInvalid);
        assertEquals(List.of("INVALID_PHONE"), e.fields().stream().map(FieldError::code).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "no-at.example.cn", "x@y..cn", "<script>@x.cn", "a b@example.cn"})
    void refusesMalformedEmail(String email) {
        Form fields = of("email", email);
        assertNull(fields.email("email", "电子邮箱"));
        assertEquals("INVALID_EMAIL", assertThrows(DomainException.class, fields::throwIfInvalid).fields().get(0).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kepu@cast.org.cn", "li.si+case@mail.example.com.cn"})
    void acceptsOrdinaryEmail(String email) {
        Form fields = of("email", email);
        assertEquals(email, fields.email("email", "电子邮箱"));
    }
}
