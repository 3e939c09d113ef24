package cn.org.cast.dianzan.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEnginesExtension.class)
class CampaignServiceIT {

    private static final Caller ADMIN = Caller.fromClaims(Map.of("sub", "admin-1", "groups", "[admin]"));
    private static final String AT = "2026-06-20T10:00:00+08:00";

    private final AwsResources aws;
    private ApplicationContext context;
    private CampaignService service;

    CampaignServiceIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeEach
    void freshCampaign() {
        aws.dynamo().deleteItem(b -> b.tableName(aws.name("MainTable")).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CAMPAIGN#2026"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("META"))));
        context = TestContexts.against(aws, TestContexts.fixedAt(AT));
        service = context.getBean(CampaignService.class);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private static CampaignSettings settings(Instant closesAt) {
        Campaign notice = Campaign.notice2026();
        return new CampaignSettings("2026年度征集（延期）", notice.registrationOpensAt(), closesAt, new Quotas(3, 3, 6));
    }

    @Test
    void theNoticeCampaignIsSeededOnFirstReadAndStaysPut() {
        Campaign first = service.current();
        assertEquals(Campaign.notice2026().submissionClosesAt(), first.submissionClosesAt());
        assertEquals(1, first.version());
        assertEquals(first, service.current());
    }

    @Test
    void anAdminUpdateIsStoredVersionedAndAudited() {
        service.current();
        Instant extended = TestContexts.instant("2026-07-03T00:00:00+08:00");
        Campaign updated = service.update(ADMIN, settings(extended), Optional.of(1L));

        assertEquals(2, updated.version());
        try (ApplicationContext fresh = TestContexts.against(aws)) {
            Campaign reread = fresh.getBean(CampaignService.class).current();
            assertEquals(extended, reread.submissionClosesAt());
            assertEquals("admin-1", reread.updatedBy());
        }
        List<AuditLog.Entry> trail = context.getBean(AuditLog.class).forEntity("CAMPAIGN#2026");
        assertEquals(1, trail.size());
        assertEquals("CAMPAIGN_UPDATED", trail.get(0).action());
        assertEquals("admin-1", trail.get(0).actor());
    }

    @Test
    void anUpdateFromAStaleVersionIsAConflictNamingTheCurrentVersion() {
        service.current();
        service.update(ADMIN, settings(TestContexts.instant("2026-07-02T00:00:00+08:00")), Optional.of(1L));

        DomainException conflict = assertThrows(DomainException.class, () ->
                service.update(ADMIN, settings(TestContexts.instant("2026-07-05T00:00:00+08:00")), Optional.of(1L)));
        assertEquals(Failure.VERSION_CONFLICT, conflict.code());
        assertEquals(2L, conflict.details().get("currentVersion"));
        assertEquals(TestContexts.instant("2026-07-02T00:00:00+08:00"), service.current().submissionClosesAt());
    }

    @Test
    void ofConcurrentUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
        service.current();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Instant closes = TestContexts.instant("2026-07-0" + (i % 8 + 2) + "T00:00:00+08:00");
                attempts.add(() -> {
                    try {
                        service.update(ADMIN, settings(closes), Optional.of(1L));
                        return true;
                    } catch (DomainException e) {
                        assertEquals(Failure.VERSION_CONFLICT, e.code());
                        return false;
                    }
                });
            }
            long wins = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                wins += result.get() ? 1 : 0;
            }
            assertEquals(1, wins);
            assertEquals(2, service.current().version());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNonAdminCannotUpdate() {
        Caller unit = Caller.fromClaims(Map.of("sub", "unit-1"));
        DomainException refused = assertThrows(DomainException.class, () ->
                service.update(unit, settings(TestContexts.instant("2026-07-03T00:00:00+08:00")), Optional.empty()));
        assertEquals(Failure.ADMIN_ONLY, refused.code());
        assertEquals(1, service.current().version());
    }
}
