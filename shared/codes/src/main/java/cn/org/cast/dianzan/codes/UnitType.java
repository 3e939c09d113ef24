package cn.org.cast.dianzan.codes;

/** The kinds of recommending unit named by the notice. */
public enum UnitType {
    NATIONAL_SOCIETY("全国学会"),
    PROVINCIAL_ASSOCIATION("省级科协"),
    UNIVERSITY_ASSOCIATION("高校科协"),
    PARK_ENTERPRISE_ASSOCIATION("园区（企业）科协"),
    OUTLINE_OFFICE_MEMBER("纲要办成员单位"),
    ALLIANCE_MEMBER("联合体成员单位"),
    ONLINE_PLATFORM("网络科普平台"),
    OTHER("其他");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
