package cn.org.cast.dianzan.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.core.Form;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseFormTest {

    private static CaseForm read(Map<String, Object> body) {
        return CaseForm.read(Form.of(body));
    }

    private static List<FieldError> errors(Map<String, Object> body) {
        return assertThrows(DomainException.class, () -> read(body)).fields();
    }

    private static Set<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).collect(Collectors.toSet());
    }

    static Map<String, Object> complete() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "青少年科学实验季");
        form.put("implementingUnit", "某市科技馆");
        form.put("address", "某市科技大道1号");
        form.put("contactName", "张老师");
        form.put("contactTitle", "馆长");
        form.put("phone", "13812345678");
        form.put("email", "kjg@example.cn");
        form.put("category", "ACTIVITY_SERVICE");
        form.put("subtype", "LECTURE");
        form.put("summary", "全年举办科普讲座120场，覆盖青少年3万人次。");
        form.put("mediaReports", List.of(Map.of("title", "科技日报报道", "url", "https://www.example.cn/news/1")));
        form.put("awards", List.of(Map.of("name", "全国科普日优秀活动", "level", "NATIONAL", "year", 2025)));
        form.put("detail", "一、实施、应用及推广情况\n……\n二、成效与创新亮点\n……\n三、经验及思考\n……");
        form.put("startedOn", "2025-03-01");
        form.put("endedOn", "2025-12-31");
        return form;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> form = complete();
        form.put(field, value);
        return form;
    }

    @ParameterizedTest(name = "{0}: {1} characters fits")
    @CsvSource({
        "'二十个字的案例名称正好二十个字的案例名称', 20",
        "'科普🔬案例😀名称👩‍🔬含有表情符号的案例名称', 20",
        "'e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301', 20"
    })
    void aNameOfTwentyCharactersAsReadersCountThemIsAccepted(String name, int length) {
        assertEquals(length, cn.org.cast.dianzan.core.TextLength.of(name));
        assertEquals(name, read(with("name", name)).name());
    }

    @ParameterizedTest(name = "{0}: 21 characters is one too many")
    @CsvSource({
        "'二十个字的案例名称正好二十个字的案例名称啊'",
        "'科普🔬案例😀名称👩‍🔬含有表情符号的案例名称啊'",
        "'e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301'"
    })
    void aNameOfTwentyOneCharactersIsRefusedWithTheLimitAndTheCount(String name) {
        assertEquals(List.of(new FieldError("name", "TOO_LONG", "案例名称不超过20字，当前21字")), errors(with("name", name)));
    }

    @Test
    void leadingAndTrailingWhitespaceIsTrimmedBeforeCounting() {
        String name = "  " + "科".repeat(20) + "\u3000 ";
        assertEquals("科".repeat(20), read(with("name", name)).name());
    }

    @Test
    void theSummaryHoldsFiveHundredCharactersAndNotOneMore() {
        assertEquals(500, read(with("summary", "概".repeat(500))).summary().length());
        assertEquals(List.of(new FieldError("summary", "TOO_LONG", "简要概述不超过500字，当前501字")),
                errors(with("summary", "概".repeat(501))));
    }

    @Test
    void theDetailHoldsThreeThousandCharactersAndNotOneMore() {
        assertEquals(3000, read(with("detail", "详".repeat(2999) + "\n")).detail().length() + 1);
        assertEquals(3000, cn.org.cast.dianzan.core.TextLength.of(read(with("detail", "详".repeat(3000))).detail()));
        assertEquals(List.of(new FieldError("detail", "TOO_LONG", "详细材料不超过3000字，当前3001字")),
                errors(with("detail", "详".repeat(3001))));
    }

    @Test
    void upToThreeMediaReportsAreAcceptedAndAFourthIsNot() {
        Map<String, String> report = Map.of("title", "报道", "url", "http://example.cn/a");
        assertEquals(3, read(with("mediaReports", List.of(report, report, report))).mediaReports().size());
        assertEquals(Set.of("mediaReports:TOO_MANY"), codes(errors(with("mediaReports", List.of(report, report, report, report)))));
    }

    @Test
    void onlyHttpAndHttpsLinksAreAccepted() {
        List<Map<String, String>> reports = List.of(
                Map.of("title", "a", "url", "javascript:alert(1)"),
                Map.of("title", "b", "url", "data:text/html;base64,PHNjcmlwdD4="),
                Map.of("title", "c", "url", "ftp://example.cn/x"),
                Map.of("title", "d", "url", "https://"));
        assertEquals(Set.of("mediaReports[0].url:INVALID_URL", "mediaReports[1].url:INVALID_URL",
                "mediaReports[2].url:INVALID_URL"), codes(errors(with("mediaReports", reports.subList(0, 3)))));
        assertEquals(Set.of("mediaReports[0].url:INVALID_URL"), codes(errors(with("mediaReports", reports.subList(3, 4)))));
    }

    @Test
    void workMustHaveStartedOnOrAfterTheFirstOfJanuary2025() {
        assertEquals(LocalDate.of(2025, 1, 1), read(with("startedOn", "2025-01-01")).startedOn());
        assertEquals(Set.of("startedOn:BEFORE_2025"), codes(errors(with("startedOn", "2024-12-31"))));
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Map<String, Object> form = with("endedOn", "2025-02-28");
        assertEquals(Set.of("endedOn:END_BEFORE_START"), codes(errors(form)));
    }

    @Test
    void otherNeedsItsOwnTextAndASubtypeMustBelongToItsCategory() {
        assertEquals(Set.of("otherSubtype:REQUIRED"), codes(errors(with("subtype", "OTHER"))));
        Map<String, Object> other = with("subtype", "OTHER");
        other.put("otherSubtype", "科普剧场");
        assertEquals("科普剧场", read(other).otherSubtype());
        assertEquals(Set.of("subtype:SUBTYPE_NOT_IN_CATEGORY"), codes(errors(with("subtype", "LABORATORY"))));
        assertEquals(Set.of("category:UNKNOWN_VALUE"), codes(errors(with("category", "WORKS"))));
    }

    @Test
    void everyBadFieldIsListedAtOnceAndNothingIsRead() {
        Map<String, Object> form = complete();
        form.put("name", 42);
        form.put("phone", "12345");
        form.put("email", "x@");
        form.put("summary", "bell\u0007");
        form.put("startedOn", "2024-05-01");
        form.put("mediaReports", "not a list");
        assertEquals(Set.of("name:INVALID_TYPE", "phone:INVALID_PHONE", "email:INVALID_EMAIL",
                "summary:CONTROL_CHARACTERS", "startedOn:BEFORE_2025", "mediaReports:INVALID_TYPE"), codes(errors(form)));
    }

    @Test
    void htmlIsKeptExactlyAsTyped() {
        String summary = "<b>科普</b><script>alert('x')</script>";
        assertEquals(summary, read(with("summary", summary)).summary());
    }

    @Test
    void aDraftMayBeIncompleteButSubmissionListsEverythingMissing() {
        CaseForm draft = read(Map.of("name", "只有名称"));
        assertNull(draft.category());
        Set<String> missing = codes(draft.missingForSubmission(LocalDate.of(2026, 6, 20)));
        assertEquals(Set.of("implementingUnit:REQUIRED", "address:REQUIRED", "contactName:REQUIRED",
                "contactTitle:REQUIRED", "phone:REQUIRED", "email:REQUIRED", "category:REQUIRED", "subtype:REQUIRED",
                "summary:REQUIRED", "detail:REQUIRED", "startedOn:REQUIRED"), missing);
        assertEquals(List.of(), read(complete()).missingForSubmission(LocalDate.of(2026, 6, 20)));
        assertEquals(Category.ACTIVITY_SERVICE, read(complete()).category());
    }

    @Test
    void datesInTheFutureAreRefusedAtSubmission() {
        Map<String, Object> form = with("endedOn", "2026-12-31");
        assertEquals(Set.of("endedOn:DATE_IN_FUTURE"), codes(read(form).missingForSubmission(LocalDate.of(2026, 6, 20))));
    }
}
