package cn.org.cast.dianzan.notify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses as they may appear in logs and exception messages: the first character of the
 * local part and the domain, never the whole address ({@code zhang.san@example.cn} → {@code z***@example.cn}).
 */
public final class Masked {

    /** Anything address-shaped, also inside provider texts such as {@code 550 <a@b.cn>: rejected}. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"'@]+@([A-Za-z0-9\\p{L}.-]+)");

    private Masked() {
    }

    public static String email(String address) {
        if (address == null || address.isBlank()) {
            return "(none)";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return "***";
        }
        return address.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "***" + address.substring(at);
    }

    /** A free text (a server's reply, an AWS error message) with every address in it masked. */
    public static String emailsIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = ADDRESS.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(email(matcher.group())));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

    /** A failure and its causes, one {@code Type: message} each, addresses masked: safe to log and to rethrow. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append("; caused by ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(emailsIn(t.getMessage().strip()));
            }
        }
        return text.toString();
    }
}
