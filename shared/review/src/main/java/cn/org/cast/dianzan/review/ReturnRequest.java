package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.core.Form;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Why a unit returns a case, with optional comments on named fields of the form (or on its files),
 * shown to the implementer next to those fields.
 */
public record ReturnRequest(String reason, List<FieldComment> comments) {

    public static final int REASON_MAX = 500;
    public static final int COMMENT_MAX = 200;
    public static final int COMMENTS_MAX = 30;
    /** The fields a comment may name: the form's, and "files" for the photos and proofs. */
    public static final Set<String> FIELDS = Stream.concat(
            Arrays.stream(CaseForm.class.getRecordComponents()).map(c -> c.getName()), Stream.of("files"))
            .collect(Collectors.toUnmodifiableSet());

    /** A comment on one field. */
    @Serdeable
    public record FieldComment(String field, String comment) {
    }

    public ReturnRequest {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    public static ReturnRequest from(Form f) {
        String reason = reason(f);
        List<FieldComment> comments = new ArrayList<>();
        List<Form> items = f.optionalObjects("comments", "字段意见", COMMENTS_MAX);
        for (int i = 0; i < items.size(); i++) {
            Form item = items.get(i);
            String field = item.text("field", "字段", 50);
            String comment = item.multilineText("comment", "意见", COMMENT_MAX);
            if (field != null && !FIELDS.contains(field)) {
                f.error("comments[" + i + "].field", "UNKNOWN_FIELD", "案例信息表中没有字段“" + field + "”");
            }
            comments.add(new FieldComment(field, comment));
        }
        f.throwIfInvalid();
        return new ReturnRequest(reason, comments);
    }

    /** The required reason of a return or a rejection: 1 to 500 characters. */
    static String reason(Form f) {
        return f.multilineText("reason", "理由", REASON_MAX);
    }
}
