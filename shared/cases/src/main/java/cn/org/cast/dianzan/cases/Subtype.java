package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.campaign.Category;

/** The sub-kinds of each category on the case form; OTHER (其他) exists in both and needs a description. */
public enum Subtype {
    LECTURE(Category.ACTIVITY_SERVICE, "科普讲座"),
    SALON(Category.ACTIVITY_SERVICE, "科普沙龙"),
    SCIENCE_SHOW(Category.ACTIVITY_SERVICE, "科学表演"),
    COMPETITION(Category.ACTIVITY_SERVICE, "科普赛事"),
    STUDY_TOUR(Category.ACTIVITY_SERVICE, "科普研学"),
    SCIENCE_FAIR(Category.ACTIVITY_SERVICE, "科普市集"),
    COMPREHENSIVE(Category.ACTIVITY_SERVICE, "综合活动"),
    SCIENCE_CENTER(Category.VENUE_BUILDING, "科技馆"),
    SCIENCE_MUSEUM(Category.VENUE_BUILDING, "科技类博物馆"),
    EDUCATION_BASE(Category.VENUE_BUILDING, "全国科普教育基地"),
    SCIENCE_COURTYARD(Category.VENUE_BUILDING, "科技小院"),
    LABORATORY(Category.VENUE_BUILDING, "实验室"),
    PRODUCTION_LINE(Category.VENUE_BUILDING, "生产线"),
    OTHER(null, "其他");

    private final Category category;
    private final String label;

    Subtype(Category category, String label) {
        this.category = category;
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean belongsTo(Category candidate) {
        return category == null || category == candidate;
    }
}
