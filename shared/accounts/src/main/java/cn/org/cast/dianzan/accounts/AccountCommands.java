package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.core.Form;

/** The typed commands of the accounts domain, each read from a form with every problem reported at once. */
public final class AccountCommands {

    private AccountCommands() {
    }

    /** A unit registers: its sign-in address and password, its kind, and its contact person. */
    public record Registration(String email, String password, AccountType accountType, String contactName, String mobile) {
        public static Registration from(Form form) {
            String email = Emails.normalize(form.email("email", "邮箱"));
            String password = form.secret("password", "密码");
            SelfService kind = form.choice("accountType", "账号类型", SelfService.class, SelfService::label);
            AccountType type = kind == null ? null : AccountType.valueOf(kind.name());
            String name = form.text("contactName", "联系人姓名", 30);
            String mobile = readMobile(form);
            checkPassword(form, password, email, mobile, "password");
            form.throwIfInvalid();
            return new Registration(email, password, type, name, mobile);
        }
    }

    /** The kinds a unit may choose for itself: never ADMIN. */
    public enum SelfService {
        RECOMMENDER("推荐单位"), IMPLEMENTER("案例实施单位");

        private final String label;

        SelfService(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * An address, the six-digit code mailed to it, and the password given at registration: the code alone
     * would let whoever registered the address last (someone else, say) decide the account's password.
     */
    public record Verification(String email, String code, String password) {
        public static Verification from(Form form) {
            String email = Emails.normalize(form.email("email", "邮箱"));
            String code = form.text("code", "验证码", 16);
            String password = form.secret("password", "密码");
            form.throwIfInvalid();
            return new Verification(email, code, password);
        }
    }

    /** An address alone: resend a code, forgot a password, an admin's lookup. */
    public record Address(String email) {
        public static Address from(Form form) {
            String email = Emails.normalize(form.email("email", "邮箱"));
            form.throwIfInvalid();
            return new Address(email);
        }
    }

    /** Sign-in: address, password and, for admins, the authenticator's code. */
    public record SignIn(String email, String password, String totp) {
        public static SignIn from(Form form) {
            String email = Emails.normalize(form.email("email", "邮箱"));
            String password = form.secret("password", "密码");
            String totp = form.optionalText("totp", "动态码", 16);
            form.throwIfInvalid();
            return new SignIn(email, password, totp);
        }
    }

    /** A new password with the code that proves the address. */
    public record Reset(String email, String code, String newPassword) {
        public static Reset from(Form form) {
            String email = Emails.normalize(form.email("email", "邮箱"));
            String code = form.text("code", "验证码", 16);
            String password = form.secret("newPassword", "新密码");
            checkPassword(form, password, email, "newPassword");
            form.throwIfInvalid();
            return new Reset(email, code, password);
        }
    }

    /** A signed-in person changes their own password. */
    public record PasswordChange(String currentPassword, String newPassword) {
        public static PasswordChange from(Form form, String email) {
            String current = form.secret("currentPassword", "当前密码");
            String password = form.secret("newPassword", "新密码");
            checkPassword(form, password, email, "newPassword");
            form.throwIfInvalid();
            return new PasswordChange(current, password);
        }
    }

    /** A colleague (or a new admin) invited by address. */
    public record Invitation(String email, String name) {
        public static Invitation from(Form form) {
            String email = Emails.normalize(form.email("email", "邮箱"));
            String name = form.text("name", "姓名", 30);
            form.throwIfInvalid();
            return new Invitation(email, name);
        }
    }

    /** The invited person accepts with the mailed code and their own password and details. */
    public record Acceptance(String email, String code, String password, String name, String mobile) {
        public static Acceptance from(Form form) {
            String email = Emails.normalize(form.email("email", "邮箱"));
            String code = form.text("code", "邀请码", 16);
            String password = form.secret("password", "密码");
            String name = form.text("name", "姓名", 30);
            String mobile = readMobile(form);
            checkPassword(form, password, email, mobile, "password");
            form.throwIfInvalid();
            return new Acceptance(email, code, password, name, mobile);
        }
    }

    /** A refresh token presented to be used or ended. */
    public record Refresh(String refreshToken) {
        public static Refresh from(Form form) {
            String token = form.secret("refreshToken", "刷新令牌");
            form.throwIfInvalid();
            return new Refresh(token);
        }
    }

    /** Which colleague becomes the contact person. */
    public record Handover(String personId) {
        public static Handover from(Form form) {
            String personId = form.text("personId", "成员", 64);
            form.throwIfInvalid();
            return new Handover(personId);
        }
    }

    private static String readMobile(Form form) {
        String phone = form.phone("mobile", "手机号码");
        if (phone != null && !phone.matches("1[3-9]\\d{9}")) {
            form.error("mobile", "INVALID_MOBILE", "手机号码须为11位手机号");
            return null;
        }
        return phone;
    }

    private static void checkPassword(Form form, String password, String email, String field) {
        checkPassword(form, password, email, null, field);
    }

    private static void checkPassword(Form form, String password, String email, String mobile, String field) {
        if (password != null && !form.hasErrorOn(field)) {
            String problem = PasswordPolicy.problem(password, email, mobile);
            if (problem != null) {
                form.error(field, "WEAK_PASSWORD", problem);
            }
        }
    }
}
