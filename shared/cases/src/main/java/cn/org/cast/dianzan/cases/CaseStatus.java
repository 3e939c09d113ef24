package cn.org.cast.dianzan.cases;

/** Where a case stands; the review states arrive with the quota issue. */
public enum CaseStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交推荐单位");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The implementer may still change, delete or (re)submit the case: the unit has not acted on it. */
    public boolean editableByOwner() {
        return this == DRAFT || this == SUBMITTED;
    }
}
