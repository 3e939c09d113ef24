package cn.org.cast.dianzan.codes;

/** Where a code stands: issued and waiting for its unit, bound to exactly one unit, or revoked. */
public enum CodeStatus {
    ISSUED("待绑定"),
    BOUND("已绑定"),
    REVOKED("已作废");

    private final String label;

    CodeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
