package cn.org.cast.dianzan.summary.print;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the QR code on each page of a summary sheet says: which campaign and unit it belongs to, the
 * hash of the recommended cases and their versions it was printed from, its verification code, and
 * the page. Short on purpose, so the code stays coarse enough to survive printing, stamping and a
 * poor scan: {@code DZKP1|<campaign>|<unit>|<hash>|<code>|<page>/<pages>}.
 */
public record SheetMark(String campaignId, String unitId, String hash, String code, int page, int pages) {

    private static final Pattern FORMAT = Pattern.compile(
            "DZKP1\\|([^|]{1,64})\\|([^|]{1,64})\\|([0-9a-f]{16})\\|([0-9A-Z]{4}-[0-9A-Z]{4})\\|(\\d{1,3})/(\\d{1,3})");

    /** The same mark on another page of the same sheet. */
    public SheetMark onPage(int newPage, int newPages) {
        return new SheetMark(campaignId, unitId, hash, code, newPage, newPages);
    }

    public String payload() {
        return "DZKP1|" + campaignId + "|" + unitId + "|" + hash + "|" + code + "|" + page + "/" + pages;
    }

    /** The mark a decoded QR text holds, if it is one of ours. */
    public static Optional<SheetMark> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SheetMark(m.group(1), m.group(2), m.group(3), m.group(4),
                Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
    }
}
