package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.core.Form;

/** Why a unit will not recommend a case: final for the campaign, so a reason is required. */
public record RejectRequest(String reason) {

    public static RejectRequest from(Form f) {
        String reason = ReturnRequest.reason(f);
        f.throwIfInvalid();
        return new RejectRequest(reason);
    }
}
