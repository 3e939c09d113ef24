package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.CaseStatus;
import cn.org.cast.dianzan.cases.CaseView;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.FieldError;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The unit's review inbox: the cases under its code that were submitted at least once (drafts stay
 * the implementers' own), newest change first, filtered by status and category, in pages, with the
 * count per status over all of them.
 */
@Singleton
public class ReviewInbox {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** One page: its cases, the counts per status (the filters aside), and the cursor of the next page. */
    @Serdeable
    public record Page(List<CaseView.Summary> items, Map<CaseStatus, Integer> counts, int matching, String nextCursor) {
    }

    /** The inbox query ({@code ?status=SUBMITTED&category=ACTIVITY_SERVICE&limit=20&cursor=…}), each part checked. */
    public record Query(CaseStatus status, Category category, int limit, int offset) {

        public static Query from(Map<String, String> query) {
            List<FieldError> errors = new ArrayList<>();
            CaseStatus status = choice(query.get("status"), CaseStatus.class, "status", errors);
            if (status == CaseStatus.DRAFT) {
                errors.add(new FieldError("status", "UNKNOWN_VALUE", "草稿不在审核列表中"));
            }
            Category category = choice(query.get("category"), Category.class, "category", errors);
            int limit = number(query.get("limit"), DEFAULT_LIMIT);
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new FieldError("limit", "OUT_OF_RANGE", "每页条数须在1到" + MAX_LIMIT + "之间"));
            }
            int offset = 0;
            String cursor = query.get("cursor");
            if (cursor != null && !cursor.isBlank()) {
                try {
                    offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    offset = -1;
                }
                if (offset < 0) {
                    errors.add(new FieldError("cursor", "INVALID_CURSOR", "翻页标记无效，请从第一页重新开始"));
                }
            }
            if (!errors.isEmpty()) {
                throw DomainException.validation(errors);
            }
            return new Query(status, category, limit, offset);
        }

        private static <E extends Enum<E>> E choice(String text, Class<E> type, String field, List<FieldError> errors) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "UNKNOWN_VALUE", field + " 的取值无效：" + text.strip()));
                return null;
            }
        }

        private static int number(String text, int otherwise) {
            if (text == null || text.isBlank()) {
                return otherwise;
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private final CaseService cases;
    private final BindingService bindings;

    public ReviewInbox(CaseService cases, BindingService bindings) {
        this.cases = cases;
        this.bindings = bindings;
    }

    public Page list(Caller caller, Query query) {
        List<CaseRecord> all = cases.ofUnit(bindings.ownUnitId(caller)).stream()
                .filter(r -> r.status() != CaseStatus.DRAFT).toList();
        Map<CaseStatus, Integer> counts = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            if (status != CaseStatus.DRAFT) {
                counts.put(status, 0);
            }
        }
        all.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        List<CaseRecord> matching = all.stream()
                .filter(r -> query.status() == null || r.status() == query.status())
                .filter(r -> query.category() == null || r.form().category() == query.category()).toList();
        int from = Math.min(query.offset(), matching.size());
        int to = Math.min(from + query.limit(), matching.size());
        String next = to < matching.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page(matching.subList(from, to).stream().map(CaseView.Summary::of).toList(), counts, matching.size(),
                next);
    }
}
