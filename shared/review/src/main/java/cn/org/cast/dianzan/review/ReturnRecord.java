package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.cases.CaseForm;
import java.time.Instant;
import java.util.List;

/**
 * A unit's latest return of a case: why, the comments on its fields, and the form as it was returned
 * (at {@code version}), so that when the case comes back the unit sees what changed.
 */
public record ReturnRecord(String caseId, String reason, List<ReturnRequest.FieldComment> comments, long version,
                           CaseForm form, Instant at, String actor) {
}
