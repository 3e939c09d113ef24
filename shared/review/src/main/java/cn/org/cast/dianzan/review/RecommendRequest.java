package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.core.Form;
import java.util.Optional;

/** A recommendation; with {@code replaces}, a swap for a recommended case of the same category. */
public record RecommendRequest(Optional<String> replaces) {

    public static RecommendRequest none() {
        return new RecommendRequest(Optional.empty());
    }

    public static RecommendRequest from(Form f) {
        String replaces = f.optional("replaces", k -> f.text(k, "被替换的案例", 40));
        f.throwIfInvalid();
        return new RecommendRequest(Optional.ofNullable(replaces));
    }
}
