package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.core.Form;

/** What a recommending unit registers about itself when it binds its code; every field is required. */
public record UnitInfo(String unitName, String address, String contactName, String contactTitle, String phone,
                       String email) {

    /** Reads the details from a form, every problem at once. */
    public static UnitInfo from(Form fields) {
        UnitInfo info = new UnitInfo(
                fields.text("unitName", "单位名称", 100),
                fields.text("address", "单位地址", 200),
                fields.text("contactName", "联系人", 50),
                fields.text("contactTitle", "职务/职称", 50),
                fields.phone("phone", "联系电话"),
                fields.email("email", "电子邮箱"));
        fields.throwIfInvalid();
        return info;
    }
}
