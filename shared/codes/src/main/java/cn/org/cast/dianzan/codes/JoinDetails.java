package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.core.Form;

/** What an implementing unit says about itself when it joins with a code: its organization's name. */
public record JoinDetails(String organization) {

    public static final int ORGANIZATION_MAX = 100;

    public static JoinDetails from(Form fields) {
        JoinDetails details = new JoinDetails(fields.text("organization", "实施单位名称", ORGANIZATION_MAX));
        fields.throwIfInvalid();
        return details;
    }
}
