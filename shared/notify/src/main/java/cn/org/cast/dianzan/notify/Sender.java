package cn.org.cast.dianzan.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;

/** Who mail comes from: an address the transport accepts (verified in SES) and a display name, Chinese allowed. */
public record Sender(String address, String name) {

    public static final String DEFAULT_NAME = "典赞·科普中国";

    public Sender {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("dianzan.mail.from must be set");
        }
        if (name == null || name.isBlank()) {
            name = DEFAULT_NAME;
        }
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("dianzan.mail.from is not an e-mail address: " + Masked.email(address));
        }
    }

    /** The From address with its name encoded as RFC 2047 asks: {@code =?UTF-8?B?5YW46LWe...?= <noreply@...>}. */
    public InternetAddress internetAddress() {
        try {
            return new InternetAddress(address, name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** The same, as the text of a From header (what SES's FromEmailAddress takes). */
    public String header() {
        return internetAddress().toString();
    }

    @Override
    public String toString() {
        return "Sender[" + name + " <" + Masked.email(address) + ">]";
    }
}
