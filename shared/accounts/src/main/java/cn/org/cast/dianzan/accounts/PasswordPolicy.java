package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.core.DomainException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: 10 to 128 characters, not on the list of common passwords, not one
 * character repeated, not a run of a keyboard row or the alphabet or digits, not the e-mail's own
 * name. No composition rules (they make passwords harder to remember, not to guess).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final String[] RUNS = {"0123456789012", "9876543210987", "abcdefghijklmnopqrstuvwxyz",
        "zyxwvutsrqponmlkjihgfedcba", "qwertyuiop", "asdfghjkl", "zxcvbnm", "poiuytrewq", "lkjhgfdsa", "mnbvcxz"};
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Throws a validation failure on {@code field} if the password is refused. */
    public static void check(String field, String password, String email) {
        String problem = problem(password, email);
        if (problem != null) {
            throw DomainException.invalid(field, "WEAK_PASSWORD", problem);
        }
    }

    /** Why the password is refused, in Chinese; null if it is acceptable. */
    public static String problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return "请填写密码";
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return "密码至少" + MIN_LENGTH + "个字符";
        }
        if (length > MAX_LENGTH) {
            return "密码不能超过" + MAX_LENGTH + "个字符";
        }
        String folded = password.replace(" ", "").toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded)) {
            return "该密码过于常见，容易被猜中，请换一个";
        }
        if (folded.chars().distinct().count() <= 2) {
            return "密码不能只由一两个字符重复组成";
        }
        for (String run : RUNS) {
            if (folded.length() <= run.length() && run.contains(folded)) {
                return "密码不能是连续的数字、字母或键盘上的一行";
            }
        }
        String name = email == null ? "" : Emails.normalize(email).replaceFirst("@.*", "");
        if (name.length() >= 4 && folded.contains(name)) {
            return "密码不能包含邮箱的用户名";
        }
        return null;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/accounts/common-passwords.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
