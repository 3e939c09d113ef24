package cn.org.cast.dianzan.cases;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Form;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A proof stays with the award it proves: an edit that would put another award in its place is refused. */
class AwardProofsTest {

    private static CaseForm withAwards(String... names) {
        List<Map<String, Object>> awards = java.util.Arrays.stream(names)
                .map(n -> Map.<String, Object>of("name", n, "level", "NATIONAL", "year", 2025)).toList();
        return CaseForm.read(Form.of(Map.of("awards", awards)));
    }

    private static CaseFile proofOf(int award) {
        return new CaseFile("U" + award, "C1", FileKind.AWARD_PROOF, award, "media/x", "证书.pdf", "application/pdf", 10,
                null, null, Instant.EPOCH, "impl");
    }

    @Test
    void removingOrReplacingAProvenAwardIsRefusedNamingIt() {
        CaseForm before = withAwards("全国科普日优秀活动", "省科普微视频大赛一等奖");
        List<CaseFile> proofs = List.of(proofOf(0));

        DomainException removedFirst = assertThrows(DomainException.class, () ->
                CaseService.requireProofsKeepTheirAwards(before, withAwards("省科普微视频大赛一等奖"), proofs));
        DomainException emptied = assertThrows(DomainException.class, () ->
                CaseService.requireProofsKeepTheirAwards(before, withAwards(), proofs));

        assertEquals("awards[0]", removedFirst.fields().get(0).field());
        assertEquals("AWARD_HAS_PROOF", removedFirst.fields().get(0).code());
        assertEquals("AWARD_HAS_PROOF", emptied.fields().get(0).code());
    }

    @Test
    void unprovenAwardsMayChangeAndAProvenOneMayBeAddedAfter() {
        CaseForm before = withAwards("全国科普日优秀活动", "省科普微视频大赛一等奖");
        List<CaseFile> proofs = List.of(proofOf(0));

        assertDoesNotThrow(() -> CaseService.requireProofsKeepTheirAwards(before,
                withAwards("全国科普日优秀活动", "另一个奖", "第三个奖"), proofs));
        assertDoesNotThrow(() -> CaseService.requireProofsKeepTheirAwards(before, withAwards(), List.of()));
    }
}
