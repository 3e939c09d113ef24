package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.cases.CaseStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A case's review as its implementer, its unit and admins see it: where it stands, the latest return
 * (reason and comments on fields), what changed since that return, and its whole history.
 */
@Serdeable
public record ReviewView(String caseId, CaseStatus status, String statusLabel, long version, Returned returned,
                         List<Change> changesSinceReturn, List<HistoryEntry> history) {

    /** The latest return: why, comments on fields, at which version and when. */
    @Serdeable
    public record Returned(String reason, List<ReturnRequest.FieldComment> comments, long version, String at) {
    }

    /** One field of the form that differs from the returned version: its value then and now. */
    @Serdeable
    public record Change(String field, Object before, Object after) {
    }

    /** One event of the case: when, what, by whom (a role, never an account), and why when a reason was given. */
    @Serdeable
    public record HistoryEntry(String at, String action, String actionLabel, String by, String reason,
                               List<ReturnRequest.FieldComment> comments) {
    }
}
