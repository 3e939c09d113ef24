package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.core.FieldError;
import java.time.Instant;
import java.util.List;

/** A stored case: its form, where it belongs, who owns it, its state and its version. */
public record CaseRecord(String id, String campaignId, String unitId, String ownerSubject, String ownerOrganization,
                         CaseStatus status, CaseForm form, List<FieldError> warnings, String requestHash,
                         String cleared2025By, long version, Instant createdAt, Instant updatedAt,
                         Instant submittedAt) {

    public CaseRecord {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public CaseRecord next(CaseStatus newStatus, CaseForm newForm, List<FieldError> newWarnings, Instant at,
                           Instant newSubmittedAt) {
        return new CaseRecord(id, campaignId, unitId, ownerSubject, ownerOrganization, newStatus, newForm, newWarnings,
                requestHash, cleared2025By, version + 1, createdAt, at, newSubmittedAt);
    }

    public CaseRecord cleared(String admin, Instant at) {
        return new CaseRecord(id, campaignId, unitId, ownerSubject, ownerOrganization, status, form, List.of(),
                requestHash, admin, version + 1, createdAt, at, submittedAt);
    }
}
