package cn.org.cast.dianzan.campaign;

/** The two case categories collected through the system (作品传播 comes from a separate campaign). */
public enum Category {
    ACTIVITY_SERVICE("科普活动服务"),
    VENUE_BUILDING("科普阵地建设");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
