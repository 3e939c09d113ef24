package cn.org.cast.dianzan.summary.print;

import java.util.List;

/**
 * The receipt (回执) of a complete submission: the unit, when the server accepted the stamped scan
 * (China time, as text), the sheet's verification code, the cases, and whether the scan's QR code
 * could be read (a seal over it is accepted, flagged for the admins).
 */
public record Receipt(String campaignTitle, String unitName, String confirmedAt, String verificationCode,
                      List<SummarySheet.Row> rows, boolean codeRead, String scanFileName, int scanPages) {

    public Receipt {
        rows = List.copyOf(rows);
    }
}
