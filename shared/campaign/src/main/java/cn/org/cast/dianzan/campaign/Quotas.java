package cn.org.cast.dianzan.campaign;

import io.micronaut.serde.annotation.Serdeable;

/** How many cases one recommending unit may recommend: per category, and in the two together. */
@Serdeable
public record Quotas(int activityService, int venueBuilding, int total) {

    public static final int MIN = 1;
    public static final int MAX = 10;

    /** The quota of one category. */
    public int of(Category category) {
        return switch (category) {
            case ACTIVITY_SERVICE -> activityService;
            case VENUE_BUILDING -> venueBuilding;
        };
    }
}
