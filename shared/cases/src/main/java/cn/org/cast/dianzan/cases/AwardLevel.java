package cn.org.cast.dianzan.cases;

/** The level of an award listed under 获奖情况. */
public enum AwardLevel {
    INTERNATIONAL("国际级"),
    NATIONAL("国家级"),
    PROVINCIAL("省部级"),
    MUNICIPAL("市级"),
    OTHER("其他");

    private final String label;

    AwardLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
