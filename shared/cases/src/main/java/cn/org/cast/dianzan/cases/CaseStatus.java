package cn.org.cast.dianzan.cases;

/**
 * Where a case stands. The implementer works on a DRAFT and submits it; its recommending unit
 * approves it, returns it for changes (RETURNED: the implementer edits and submits again) or rejects
 * it (final for the campaign); an APPROVED case may be RECOMMENDED within the unit's quota, and
 * withdrawn back to APPROVED.
 */
public enum CaseStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交推荐单位"),
    RETURNED("已退回修改"),
    APPROVED("审核通过"),
    REJECTED("不予推荐"),
    RECOMMENDED("已推荐");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The implementer may still change, delete or (re)submit the case: the unit has not taken it up. */
    public boolean editableByOwner() {
        return this == DRAFT || this == SUBMITTED || this == RETURNED;
    }
}
