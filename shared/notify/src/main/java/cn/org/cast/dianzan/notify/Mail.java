package cn.org.cast.dianzan.notify;

/**
 * One message to one recipient: a plain-text body always, an HTML alternative when given ({@code html}
 * may be null). Checked on construction so that no transport sees a header-injection attempt or a
 * blank field; the messages name the field, never the address.
 */
public record Mail(String to, String subject, String text, String html) {

    /** RFC 5321's limit on a forward path; also keeps a pasted paragraph out of the To header. */
    private static final int MAX_ADDRESS_LENGTH = 254;

    public Mail {
        requireText("to", to);
        requireText("subject", subject);
        requireText("text", text);
        if (html != null && html.isBlank()) {
            throw new IllegalArgumentException("html must be null or not blank");
        }
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subject must be one line");
        }
        if (!isSingleAddress(to)) {
            throw new IllegalArgumentException("to is not a single e-mail address: " + Masked.email(to));
        }
    }

    public static Mail text(String to, String subject, String text) {
        return new Mail(to, subject, text, null);
    }

    public boolean hasHtml() {
        return html != null;
    }

    /** Addresses stay out of logs, even when a Mail itself is logged. */
    @Override
    public String toString() {
        return "Mail[to=" + Masked.email(to) + ", subject=" + subject.length() + " chars, html=" + hasHtml() + "]";
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /**
     * One {@code local@domain}, no display name, no list, nothing a mail header would read as a
     * separator or a second line; the transport's own parser has the last word on the rest.
     */
    private static boolean isSingleAddress(String address) {
        if (address.length() > MAX_ADDRESS_LENGTH) {
            return false;
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1) {
            return false;
        }
        String domain = address.substring(at + 1);
        if (domain.startsWith(".") || domain.endsWith(".") || !domain.contains(".")) {
            return false;
        }
        return address.chars().noneMatch(c -> c <= ' ' || c == 0x7f || ",;<>()[]\"\\:".indexOf(c) >= 0);
    }
}
