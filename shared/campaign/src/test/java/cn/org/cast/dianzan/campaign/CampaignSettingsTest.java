package cn.org.cast.dianzan.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.core.Form;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CampaignSettingsTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    /** The settings from a JSON text, as an admin's client writes them. */
    @SuppressWarnings("unchecked")
    private static CampaignSettings parse(String body) {
        try {
            return CampaignSettings.from(Form.of(JSON.readValue(body, Map.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FieldError> errorsOf(String body) {
        DomainException e = assertThrows(DomainException.class, () -> parse(body));
        assertEquals(Failure.VALIDATION_FAILED, e.code());
        return e.fields();
    }

    @Test
    void readsAValidSettingsBody() {
        CampaignSettings settings = parse("""
                {"name":" 2026年度征集 ","registrationOpensAt":"2026-06-17T00:00:00+08:00",
                 "submissionClosesAt":"2026-07-01T00:00:00+08:00",
                 "quotas":{"activityService":3,"venueBuilding":3,"total":6}}""");
        assertEquals("2026年度征集", settings.name());
        assertEquals(Campaign.notice2026().submissionClosesAt(), settings.submissionClosesAt());
        assertEquals(new Quotas(3, 3, 6), settings.quotas());
    }

    @Test
    void deadlineBeforeOpeningIsAFieldErrorOnTheDeadline() {
        List<FieldError> errors = errorsOf("""
                {"name":"x","registrationOpensAt":"2026-06-17T00:00:00+08:00",
                 "submissionClosesAt":"2026-06-17T00:00:00+08:00",
                 "quotas":{"activityService":3,"venueBuilding":3,"total":6}}""");
        assertEquals(List.of(new FieldError("submissionClosesAt", "DEADLINE_NOT_AFTER_OPENING",
                "提交截止时间必须晚于注册开始时间")), errors);
    }

    @Test
    void everyFailingFieldIsListedAtOnce() {
        List<FieldError> errors = errorsOf("""
                {"name":"","registrationOpensAt":"2026-06-17","submissionClosesAt":20260630,
                 "quotas":{"activityService":0,"venueBuilding":11,"total":"6"}}""");
        Set<String> fields = errors.stream().map(e -> e.field() + ":" + e.code()).collect(Collectors.toSet());
        assertEquals(Set.of("name:REQUIRED", "registrationOpensAt:INVALID_DATETIME",
                "submissionClosesAt:INVALID_TYPE", "quotas.activityService:OUT_OF_RANGE",
                "quotas.venueBuilding:OUT_OF_RANGE", "quotas.total:INVALID_TYPE"), fields);
    }

    @Test
    void quotasAtTheirBoundsAreAccepted() {
        CampaignSettings settings = parse("""
                {"name":"x","registrationOpensAt":"2026-06-17T00:00:00+08:00",
                 "submissionClosesAt":"2026-07-01T00:00:00+08:00",
                 "quotas":{"activityService":1,"venueBuilding":10,"total":10}}""");
        assertEquals(new Quotas(1, 10, 10), settings.quotas());
    }

    @Test
    void aMissingQuotasObjectIsReportedOnceNotPerQuota() {
        List<FieldError> errors = errorsOf("""
                {"name":"x","registrationOpensAt":"2026-06-17T00:00:00+08:00",
                 "submissionClosesAt":"2026-07-01T00:00:00+08:00"}""");
        assertEquals(List.of(new FieldError("quotas", "REQUIRED", "推荐限额为必填项")), errors);
    }

    @Test
    void aNameOverFiftyCharactersStatesTheLimitAndTheCount() {
        String name = "科".repeat(51);
        List<FieldError> errors = errorsOf("{\"name\":\"" + name + "\",\"registrationOpensAt\":\"2026-06-17T00:00:00+08:00\","
                + "\"submissionClosesAt\":\"2026-07-01T00:00:00+08:00\","
                + "\"quotas\":{\"activityService\":3,\"venueBuilding\":3,\"total\":6}}");
        assertEquals(List.of(new FieldError("name", "TOO_LONG", "活动名称不超过50字，当前51字")), errors);
    }
}
