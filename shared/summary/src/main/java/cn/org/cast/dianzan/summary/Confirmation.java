package cn.org.cast.dianzan.summary;

import cn.org.cast.dianzan.core.Form;

/** The unit confirms the stamped scan it uploaded, by the {@code scanId} its upload was signed with. */
public record Confirmation(String scanId) {

    public static Confirmation from(Form f) {
        String scanId = f.text("scanId", "扫描件编号", 40);
        f.throwIfInvalid();
        return new Confirmation(scanId);
    }
}
