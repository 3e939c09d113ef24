package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.core.FieldError;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A case as a viewer sees it: the form, its state and version, warnings (a similar 2025 case), what
 * a submission still needs, whether this viewer may change it, and its files.
 */
@Serdeable
public record CaseView(String id, CaseStatus status, String statusLabel, long version, String unitId,
                       String ownerOrganization, CaseForm form, List<FieldError> warnings, List<FieldError> missing,
                       boolean editable, String createdAt, String updatedAt, String submittedAt,
                       List<CaseFileView> files) {

    public static CaseView of(CaseRecord r, boolean editable, List<FieldError> missing, List<CaseFileView> files) {
        return new CaseView(r.id(), r.status(), r.status().label(), r.version(), r.unitId(), r.ownerOrganization(),
                r.form(), r.warnings(), missing, editable, ChinaTime.format(r.createdAt()), ChinaTime.format(r.updatedAt()),
                r.submittedAt() == null ? null : ChinaTime.format(r.submittedAt()), files);
    }

    /** One line of a list: no form body. */
    @Serdeable
    public record Summary(String id, String name, String category, CaseStatus status, String statusLabel, long version,
                          String ownerOrganization, String updatedAt) {

        public static Summary of(CaseRecord r) {
            return new Summary(r.id(), r.form().name(), r.form().category() == null ? null : r.form().category().name(),
                    r.status(), r.status().label(), r.version(), r.ownerOrganization(), ChinaTime.format(r.updatedAt()));
        }
    }
}
