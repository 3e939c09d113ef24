package cn.org.cast.dianzan.summary;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A unit's submission as it stands: its step on the ladder, what to do next, its latest summary
 * sheet (with links, and whether it is still current or why it went stale), the confirmed scan and
 * the receipt. {@code stale} is true when the latest sheet no longer matches the recommended cases:
 * whatever was stamped for it no longer counts.
 */
@Serdeable
public record SummaryView(String campaignId, String unitId, String unitName, UnitProgress status, int step,
                          String statusLabel, String nextStep, boolean stale, String staleReason, int recommended,
                          Sheet sheet, Scan scan, ReceiptLink receipt) {

    /** The latest sheet: its verification code, the cases it lists, its files. */
    @Serdeable
    public record Sheet(String sheetId, String verificationCode, String generatedAt, int pages, boolean current,
                        List<PrintedCase> cases, SheetFiles.Link pdf, SheetFiles.Link xlsx) {
    }

    /** The stamped scan confirmed for that sheet; {@code codeRead} false when its QR code was unreadable. */
    @Serdeable
    public record Scan(String fileName, String contentType, long size, int pages, boolean codeRead,
                       String confirmedAt, SheetFiles.Link file) {
    }

    /** The receipt (回执) of the complete submission. */
    @Serdeable
    public record ReceiptLink(String confirmedAt, String verificationCode, SheetFiles.Link pdf) {
    }
}
