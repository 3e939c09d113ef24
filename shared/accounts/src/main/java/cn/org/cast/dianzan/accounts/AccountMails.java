package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.notify.Mail;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The accounts' messages, in Chinese, plain text and HTML with the same words. */
final class AccountMails {

    private static final String SYSTEM = "典赞·科普中国案例征集系统";
    private static final DateTimeFormatter CHINA = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private AccountMails() {
    }

    static Mail verification(String to, String code, Instant expiresAt) {
        return mail(to, "【典赞·科普中国】邮箱验证码 " + code,
                "您正在注册" + SYSTEM + "账号。",
                "您的邮箱验证码是：" + code,
                "验证码于北京时间 " + CHINA.format(expiresAt) + " 失效，只能使用一次。如非本人操作，请忽略本邮件，账号不会被创建。");
    }

    static Mail alreadyRegistered(String to) {
        return mail(to, "【典赞·科普中国】该邮箱已注册",
                "有人用本邮箱在" + SYSTEM + "申请注册，但本邮箱已有账号。",
                "如是您本人，请直接登录；忘记密码可在登录页选择“忘记密码”，通过邮箱重置。",
                "如非本人操作，请忽略本邮件，您的账号没有任何变化。");
    }

    static Mail reset(String to, String code, Instant expiresAt) {
        return mail(to, "【典赞·科普中国】重置密码验证码 " + code,
                "您正在重置" + SYSTEM + "账号的密码。",
                "您的验证码是：" + code,
                "验证码于北京时间 " + CHINA.format(expiresAt) + " 失效，只能使用一次。重置后，所有设备上的登录都将结束。"
                        + "如非本人操作，请忽略本邮件，密码不会改变。");
    }

    static Mail passwordChanged(String to, Instant at) {
        return mail(to, "【典赞·科普中国】密码已修改",
                "您在" + SYSTEM + "的账号密码已于北京时间 " + CHINA.format(at) + " 修改，所有设备上的登录均已结束。",
                "如非本人操作，请立即通过“忘记密码”重置密码，并联系本单位的其他成员或系统管理员。", "");
    }

    static Mail invitation(String to, String inviter, String accountLabel, String code, Instant expiresAt) {
        return mail(to, "【典赞·科普中国】" + inviter + " 邀请您加入" + accountLabel + "账号（邀请码 " + code + "）",
                inviter + " 邀请您作为同事加入" + SYSTEM + "中的" + accountLabel + "账号，您将与其拥有相同的权限，您的操作以您本人的名义记录。",
                "邀请码：" + code,
                "请在登录页选择“接受邀请”，填写本邮箱、邀请码并设置您自己的密码。邀请码于北京时间 " + CHINA.format(expiresAt)
                        + " 失效。如您不认识邀请人，请忽略本邮件。");
    }

    private static Mail mail(String to, String subject, String lead, String key, String tail) {
        String text = lead + "\n\n" + key + "\n\n" + (tail.isEmpty() ? "" : tail + "\n\n") + "—— " + SYSTEM
                + "（本邮件由系统自动发送，请勿回复）";
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + escape(subject)
                + "</title></head><body style=\"font-family:sans-serif;line-height:1.6\"><p>" + escape(lead) + "</p>"
                + "<p style=\"font-size:20px;font-weight:bold\">" + escape(key) + "</p>"
                + (tail.isEmpty() ? "" : "<p>" + escape(tail) + "</p>")
                + "<p style=\"color:#666\">—— " + SYSTEM + "（本邮件由系统自动发送，请勿回复）</p></body></html>";
        return new Mail(to, subject, text, html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
