package cn.org.cast.dianzan.summary;

import java.time.Instant;
import java.util.List;

/**
 * A generated summary sheet (汇总表) of one unit: the ledger version and the cases (with their
 * versions) it was printed from, their hash and the verification code derived from it, its page
 * count, its PDF and XLSX in S3, and the stamped scan once one was confirmed for it.
 */
public record SummaryRecord(String sheetId, String campaignId, String unitId, long ledgerVersion, String hash,
                            String code, List<PrintedCase> cases, int pages, String pdfKey, String xlsxKey,
                            Instant generatedAt, String generatedBy, StampedScan scan) {

    public SummaryRecord {
        cases = List.copyOf(cases);
    }

    public SummaryRecord withScan(StampedScan newScan) {
        return new SummaryRecord(sheetId, campaignId, unitId, ledgerVersion, hash, code, cases, pages, pdfKey, xlsxKey,
                generatedAt, generatedBy, newScan);
    }
}
