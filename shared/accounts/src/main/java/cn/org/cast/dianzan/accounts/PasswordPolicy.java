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
        if (folded.chars().distinct().count() <= 2 || repeats(folded)) {
            return "密码不能由一段字符重复组成";
        }
        if (stepsByOne(folded)) {
            return "密码不能是连续的数字、字母或键盘上的一行";
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

    /** The same password, where the person's own mobile number is refused too (it is on the account). */
    public static String problem(String password, String email, String mobile) {
        String problem = problem(password, email);
        if (problem == null && mobile != null && mobile.length() >= 7 && password.contains(mobile.substring(mobile.length() - 7))) {
            return "密码不能包含手机号码";
        }
        return problem;
    }

    /** {@code abcabcabc}, {@code 1234512345}: a piece written over and over. */
    private static boolean repeats(String text) {
        for (int period = 1; period <= text.length() / 2; period++) {
            if (text.length() % period == 0 && text.substring(0, period).repeat(text.length() / period).equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** Every character one up (or one down) from the one before, digits wrapping: {@code 12345678901234}. */
    private static boolean stepsByOne(String text) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < text.length(); i++) {
            int step = text.charAt(i) - text.charAt(i - 1);
            boolean digits = Character.isDigit(text.charAt(i)) && Character.isDigit(text.charAt(i - 1));
            up += step == 1 || (digits && step == -9) ? 1 : 0;
            down += step == -1 || (digits && step == 9) ? 1 : 0;
        }
        return up == text.length() - 1 || down == text.length() - 1;
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
