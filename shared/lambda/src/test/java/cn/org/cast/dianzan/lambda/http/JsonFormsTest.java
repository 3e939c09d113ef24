package cn.org.cast.dianzan.lambda.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.core.Form;
import io.micronaut.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFormsTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": ", "[1,2]", "\"text\"", "null", " "})
    void aBodyThatIsNotOneJsonObjectIsRefusedBeforeAnyField(String body) {
        DomainException e = assertThrows(DomainException.class, () -> JsonForms.parse(JSON, body));
        assertEquals(Failure.INVALID_JSON, e.code());
    }

    @Test
    void nestedObjectsArraysAndNumbersArriveAsTheFormReadsThem() {
        Form form = JsonForms.parse(JSON, """
                {"name":" 甲 ","quotas":{"total":6},"reports":[{"title":"报道"}],"flag":true,"year":2025.5}""");
        assertEquals("甲", form.text("name", "名称", 10));
        assertEquals(6, form.object("quotas", "限额").integer("total", "总数", 1, 10));
        assertEquals("报道", form.objects("reports", "报道", 3).get(0).text("title", "标题", 10));
        assertEquals(null, form.integer("year", "年份", 1950, 2100));
        DomainException e = assertThrows(DomainException.class, form::throwIfInvalid);
        assertEquals(List.of(new FieldError("year", "INVALID_TYPE", "年份须为整数")), e.fields());
    }
}
