package cn.org.cast.dianzan.summary;

import cn.org.cast.dianzan.campaign.Campaign;
import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.campaign.QuotaLedger;
import cn.org.cast.dianzan.campaign.QuotaService;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.CaseStatus;
import cn.org.cast.dianzan.cases.Subtype;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.Unit;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.media.FileType;
import cn.org.cast.dianzan.media.MagicBytes;
import cn.org.cast.dianzan.media.UploadAllowance;
import cn.org.cast.dianzan.review.RecommendationService;
import cn.org.cast.dianzan.summary.print.Receipt;
import cn.org.cast.dianzan.summary.print.Rendered;
import cn.org.cast.dianzan.summary.print.ReceiptPdf;
import cn.org.cast.dianzan.summary.print.ScanReader;
import cn.org.cast.dianzan.summary.print.ScanReading;
import cn.org.cast.dianzan.summary.print.SheetMark;
import cn.org.cast.dianzan.summary.print.SummarySheet;
import cn.org.cast.dianzan.summary.print.SummarySheetPdf;
import cn.org.cast.dianzan.summary.print.SummarySheetXlsx;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The paper end of a unit's submission ("下载汇总表打印并加盖公章，扫描上传至系统后，视为提交成功").
 * The unit generates the summary sheet of its recommended cases; the sheet carries a verification
 * code and, on every page, a QR code naming the unit, the campaign and the hash of the cases and
 * their versions. The stamped scan comes back through a presigned PUT; on confirmation the server
 * reads the QR code from the scan itself and accepts it only for the unit's current sheet. Whether
 * the unit is complete is computed from the data on every read, so any later change to the
 * recommended set or to a recommended case shows at once as a stale sheet.
 */
@Singleton
public class SummaryService {

    static final Duration UPLOAD_WINDOW = Duration.ofMinutes(15);
    /** How long a confirmation holds its scan: far above the few seconds reading a scan takes. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter SHEET_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneOffset.UTC);

    private final BindingService bindings;
    private final CampaignService campaigns;
    private final QuotaService quotas;
    private final RecommendationService recommendations;
    private final CaseService cases;
    private final SummaryRepository repository;
    private final SheetFiles files;
    private final UploadAllowance allowance;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SummaryService(BindingService bindings, CampaignService campaigns, QuotaService quotas,
                          RecommendationService recommendations, CaseService cases, SummaryRepository repository,
                          SheetFiles files, UploadAllowance allowance, AuditLog audit, Clock clock) {
        this.bindings = bindings;
        this.campaigns = campaigns;
        this.quotas = quotas;
        this.recommendations = recommendations;
        this.cases = cases;
        this.repository = repository;
        this.files = files;
        this.allowance = allowance;
        this.audit = audit;
        this.clock = clock;
    }

    /** The recommended cases as they are now, and the fingerprint a sheet printed now would carry. */
    private record Snapshot(QuotaLedger ledger, List<CaseRecord> cases, Fingerprint fingerprint) {
    }

    /**
     * Generates the summary sheet (PDF and XLSX) of the unit's recommended cases. Generating again
     * while nothing changed answers the same sheet, with the same code: a unit that printed it
     * already need not print again.
     */
    public SummaryView generate(Caller caller) {
        Unit unit = bindings.ownUnitDetails(caller);
        Campaign campaign = campaigns.requireOpen();
        // Brings the cases' statuses in line with the ledger first, so that the versions printed are settled ones.
        recommendations.quota(caller);
        Snapshot now = snapshot(campaign.id(), unit);
        if (now.cases().isEmpty()) {
            throw new DomainException(Failure.NOTHING_RECOMMENDED);
        }
        Optional<SummaryRecord> latest = repository.latest(campaign.id(), unit.unitId());
        if (latest.isPresent() && latest.get().hash().equals(now.fingerprint().hash())) {
            return view(unit, campaign, now, latest);
        }
        Instant at = clock.instant();
        String sheetId = "S" + SHEET_TIME.format(at) + HexFormat.of().formatHex(randomBytes(3));
        List<PrintedCase> printed = now.cases().stream().map(SummaryService::printed).toList();
        SummarySheet sheet = new SummarySheet(title(campaign), unitOf(unit), printed.stream().map(SummaryService::row).toList(),
                new SheetMark(campaign.id(), unit.unitId(), now.fingerprint().hash(), now.fingerprint().code(), 1, 1),
                ChinaTime.format(at));
        Rendered pdf = SummarySheetPdf.render(sheet);
        byte[] xlsx = SummarySheetXlsx.render(sheet);
        String prefix = prefix(campaign.id(), unit.unitId(), sheetId);
        files.put(prefix + "summary.pdf", pdf.bytes(), "application/pdf", Map.of("pages", String.valueOf(pdf.pages())));
        files.put(prefix + "summary.xlsx", xlsx, XLSX, Map.of());
        SummaryRecord record = new SummaryRecord(sheetId, campaign.id(), unit.unitId(), now.ledger().version(),
                now.fingerprint().hash(), now.fingerprint().code(), printed, pdf.pages(), prefix + "summary.pdf",
                prefix + "summary.xlsx", at, caller.subject(), null);
        repository.create(record);
        audit.record("UNIT#" + unit.unitId(), "SUMMARY_GENERATED", caller, null, Map.of("sheetId", sheetId,
                "verificationCode", record.code(), "cases", printed.stream().map(PrintedCase::caseId).toList()));
        return view(unit, campaign, now, Optional.of(record));
    }

    /** The caller's unit: its step, its latest sheet and whether it is current, its scan and receipt. */
    public SummaryView status(Caller caller) {
        Unit unit = bindings.ownUnitDetails(caller);
        Campaign campaign = campaigns.current();
        return view(unit, campaign, snapshot(campaign.id(), unit), repository.latest(campaign.id(), unit.unitId()));
    }

    /** Any unit's submission, for an admin; 404 for a unit that does not exist. */
    public SummaryView statusOf(Caller caller, String unitId) {
        caller.requireAdmin();
        Unit unit = bindings.unit(unitId).orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
        Campaign campaign = campaigns.current();
        return view(unit, campaign, snapshot(campaign.id(), unit), repository.latest(campaign.id(), unit.unitId()));
    }

    /**
     * Signs a PUT for the stamped scan of the unit's current sheet: exactly the declared size and type,
     * for 15 minutes. Refused when there is no sheet, or the sheet went stale: that paper cannot count.
     */
    public SignedScan signScan(Caller caller, ScanRequest request) {
        Unit unit = bindings.ownUnitDetails(caller);
        Campaign campaign = campaigns.requireOpen();
        SummaryRecord sheet = currentSheet(campaign, unit);
        allowance.take(caller.subject());
        Instant now = clock.instant();
        String scanId = "K" + HexFormat.of().formatHex(randomBytes(16));
        String key = "pending/" + campaign.id() + "/" + unit.unitId() + "/summary/" + scanId;
        ScanUpload scan = new ScanUpload(scanId, campaign.id(), unit.unitId(), caller.subject(), sheet.sheetId(), key,
                request.fileName(), request.contentType(), request.size(), request.sha256(), ScanUpload.Status.PENDING,
                now, now.plus(UPLOAD_WINDOW));
        repository.create(scan);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", scan.contentType());
        headers.put("Content-Length", Long.toString(scan.size()));
        return new SignedScan(scanId, ScanRequest.KIND, sheet.sheetId(), sheet.code(), "PUT",
                files.signPut(key, scan.contentType(), scan.size(), UPLOAD_WINDOW), headers,
                ChinaTime.format(scan.expiresAt()));
    }

    /**
     * Confirms the uploaded scan: reads it, checks it is a PDF, JPEG or PNG of the declared size, reads
     * the QR code on each page and checks every code read names this unit's current sheet, and that the
     * page count is the sheet's. A scan whose code cannot be read at all (a seal over it, a poor scan)
     * is accepted and flagged for the admins. Then the unit is complete, with a receipt. A refused scan
     * is deleted and changes nothing else.
     */
    public SummaryView confirm(Caller caller, Confirmation confirmation) {
        String scanId = confirmation.scanId();
        Unit unit = bindings.ownUnitDetails(caller);
        Campaign campaign = campaigns.requireOpen();
        ScanUpload scan = (scanId != null && scanId.matches("K[0-9a-f]{32}")
                ? repository.findScan(unit.unitId(), scanId) : Optional.<ScanUpload>empty())
                .filter(s -> s.campaignId().equals(campaign.id()))
                .orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
        Snapshot now = snapshot(campaign.id(), unit);
        Optional<SummaryRecord> latest = repository.latest(campaign.id(), unit.unitId());
        if (scan.status() == ScanUpload.Status.CONFIRMED && latest.map(SummaryRecord::scan)
                .filter(s -> s.scanId().equals(scan.scanId())).isPresent()) {
            return view(unit, campaign, now, latest); // a retried confirmation
        }
        if (scan.status() == ScanUpload.Status.REFUSED || scan.status() == ScanUpload.Status.CONFIRMED) {
            throw new DomainException(Failure.UPLOAD_ALREADY_COMPLETED, "该扫描件已确认过，如需重新提交请重新上传", List.of(),
                    Map.of("scanId", scan.scanId()));
        }
        SummaryRecord sheet = current(latest, now);
        if (!repository.claim(unit.unitId(), scan.scanId(), clock.instant(), CLAIM_LEASE)) {
            throw new DomainException(Failure.UPLOAD_ALREADY_COMPLETED, "该扫描件正在确认中", List.of(),
                    Map.of("scanId", scan.scanId()));
        }
        Checked checked = check(scan, sheet, campaign, unit);
        Instant at = clock.instant();
        String prefix = prefix(campaign.id(), unit.unitId(), sheet.sheetId());
        String stored = prefix + "scan-" + scan.scanId() + extension(scan.contentType());
        files.copy(scan.pendingKey(), stored);
        Rendered receipt = ReceiptPdf.render(new Receipt(campaign.name(), unit.info().unitName(), ChinaTime.format(at),
                sheet.code(), sheet.cases().stream().map(SummaryService::row).toList(), checked.codeRead(),
                scan.fileName(), checked.pages()));
        String receiptKey = prefix + "receipt-" + scan.scanId() + ".pdf";
        files.put(receiptKey, receipt.bytes(), "application/pdf", Map.of());
        StampedScan confirmed = new StampedScan(scan.scanId(), stored, scan.fileName(), scan.contentType(), scan.size(),
                checked.pages(), checked.codeRead(), at, caller.subject(), receiptKey);
        if (!repository.confirm(sheet, confirmed)) {
            repository.move(unit.unitId(), scan.scanId(), ScanUpload.Status.CHECKING, ScanUpload.Status.PENDING);
            throw new DomainException(Failure.SUMMARY_NOT_GENERATED);
        }
        repository.move(unit.unitId(), scan.scanId(), ScanUpload.Status.CHECKING, ScanUpload.Status.CONFIRMED);
        files.delete(scan.pendingKey());
        audit.record("UNIT#" + unit.unitId(), "SUMMARY_CONFIRMED", caller,
                sheet.scan() == null ? null : Map.of("scanId", sheet.scan().scanId()),
                Map.of("sheetId", sheet.sheetId(), "verificationCode", sheet.code(), "scanId", scan.scanId(),
                        "pages", checked.pages(), "codeRead", checked.codeRead()));
        return view(unit, campaign, now, Optional.of(sheet.withScan(confirmed)));
    }

    private record Checked(int pages, boolean codeRead) {
    }

    /** Reads what arrived for the scan and judges it against the sheet; refuses (deleting it) otherwise. */
    private Checked check(ScanUpload scan, SummaryRecord sheet, Campaign campaign, Unit unit) {
        if (files.head(scan.pendingKey()).isEmpty()) {
            repository.move(unit.unitId(), scan.scanId(), ScanUpload.Status.CHECKING, ScanUpload.Status.PENDING);
            throw new DomainException(Failure.UPLOAD_NOT_RECEIVED);
        }
        byte[] bytes = files.get(scan.pendingKey());
        if (bytes.length != scan.size()) {
            throw refuse(scan, Failure.FILE_REJECTED, "SIZE_MISMATCH", "收到的文件大小（" + bytes.length
                    + "字节）与申请上传时声明的（" + scan.size() + "字节）不符", Map.of());
        }
        Optional<FileType> type = MagicBytes.sniff(bytes);
        if (type.isEmpty() || !type.get().contentType().equals(scan.contentType())) {
            throw refuse(scan, Failure.FILE_REJECTED, "TYPE_MISMATCH", "文件内容不是声明的格式（" + scan.contentType()
                    + "），请上传PDF、JPEG或PNG格式的扫描件", Map.of());
        }
        if (scan.sha256() != null && !scan.sha256().equals(sha256(bytes))) {
            throw refuse(scan, Failure.FILE_REJECTED, "CHECKSUM_MISMATCH", "收到的文件与申请上传时的SHA-256不符，请重新上传",
                    Map.of());
        }
        ScanReading reading;
        try {
            reading = ScanReader.read(bytes, scan.contentType(), sheet.pages());
        } catch (IllegalArgumentException unreadable) {
            throw refuse(scan, Failure.FILE_REJECTED, "NOT_READABLE", "无法打开该扫描件，请重新扫描后上传", Map.of());
        }
        List<SheetMark> marks = reading.marks().stream().flatMap(Optional::stream).toList();
        for (SheetMark mark : marks) {
            if (!mark.campaignId().equals(campaign.id()) || !mark.unitId().equals(unit.unitId())) {
                throw refuse(scan, Failure.SCAN_OF_OTHER_SHEET, "OTHER_UNIT", "扫描件上的二维码属于其他单位或其他年度的汇总表，"
                        + "请上传本单位当前汇总表（验证码 " + sheet.code() + "）的盖章扫描件", Map.of("expectedCode", sheet.code()));
            }
            if (!mark.hash().equals(sheet.hash())) {
                Optional<SummaryRecord> older = repository.sheets(campaign.id(), unit.unitId(), 100).stream()
                        .filter(s -> s.hash().equals(mark.hash())).findFirst();
                throw refuse(scan, Failure.SCAN_OF_OTHER_SHEET, older.isPresent() ? "STALE_SHEET" : "UNKNOWN_SHEET",
                        older.map(s -> "扫描件是" + ChinaTime.format(s.generatedAt()).substring(0, 16)
                                        + "生成的汇总表（验证码 " + s.code() + "），此后推荐名单或案例内容已变更")
                                .orElse("扫描件上的汇总表不是本系统为本单位生成的")
                                + "，请上传当前汇总表（验证码 " + sheet.code() + "）的盖章扫描件",
                        Map.of("expectedCode", sheet.code(), "scannedCode", mark.code()));
            }
        }
        if (reading.pages() != sheet.pages()) {
            throw refuse(scan, Failure.SCAN_PAGES_MISMATCH, "PAGE_COUNT", "汇总表共" + sheet.pages() + "页，扫描件有"
                    + reading.pages() + "页" + (sheet.pages() > 1 && !"application/pdf".equals(scan.contentType())
                    ? "，请将全部页面扫描为一个PDF文件上传" : "，请扫描汇总表的全部页面"),
                    Map.of("expectedPages", sheet.pages(), "actualPages", reading.pages()));
        }
        return new Checked(reading.pages(), !marks.isEmpty());
    }

    private DomainException refuse(ScanUpload scan, Failure failure, String reason, String message,
                                   Map<String, Object> more) {
        files.delete(scan.pendingKey());
        repository.move(scan.unitId(), scan.scanId(), ScanUpload.Status.CHECKING, ScanUpload.Status.REFUSED);
        Map<String, Object> details = new LinkedHashMap<>(Map.of("reason", reason, "scanId", scan.scanId()));
        details.putAll(more);
        audit.record("UNIT#" + scan.unitId(), "SCAN_REFUSED", scan.owner(), null, details);
        return new DomainException(failure, message + "（该文件已删除）", List.of(), details);
    }

    /** The unit's latest sheet, if it still matches the recommended cases; 409 otherwise. */
    private SummaryRecord currentSheet(Campaign campaign, Unit unit) {
        return current(repository.latest(campaign.id(), unit.unitId()), snapshot(campaign.id(), unit));
    }

    private SummaryRecord current(Optional<SummaryRecord> latest, Snapshot now) {
        SummaryRecord sheet = latest.orElseThrow(() -> new DomainException(Failure.SUMMARY_NOT_GENERATED));
        if (!sheet.hash().equals(now.fingerprint().hash())) {
            throw new DomainException(Failure.SUMMARY_STALE, Failure.SUMMARY_STALE.message() + "：" + staleReason(sheet, now),
                    List.of(), Map.of("sheetId", sheet.sheetId(), "verificationCode", sheet.code()));
        }
        return sheet;
    }

    private Snapshot snapshot(String campaignId, Unit unit) {
        QuotaLedger ledger = quotas.find(unit.unitId())
                .orElse(QuotaLedger.empty(campaignId, unit.unitId(), unit.info().unitName()));
        List<CaseRecord> recommended = ledger.all().stream().map(cases::find).flatMap(Optional::stream).toList();
        Map<String, Long> versions = recommended.stream().collect(Collectors.toMap(CaseRecord::id, CaseRecord::version));
        return new Snapshot(ledger, recommended, Fingerprint.of(campaignId, unit.unitId(), versions));
    }

    private static String staleReason(SummaryRecord sheet, Snapshot now) {
        List<String> printedIds = sheet.cases().stream().map(PrintedCase::caseId).sorted().toList();
        List<String> nowIds = now.cases().stream().map(CaseRecord::id).sorted().toList();
        if (!printedIds.equals(nowIds)) {
            return "汇总表生成后推荐名单已变更（生成时推荐" + printedIds.size() + "个，现推荐" + nowIds.size() + "个）";
        }
        Map<String, Long> printed = sheet.cases().stream().collect(Collectors.toMap(PrintedCase::caseId, PrintedCase::version));
        String changed = now.cases().stream().filter(c -> !Long.valueOf(c.version()).equals(printed.get(c.id())))
                .map(c -> "“" + c.form().name() + "”").collect(Collectors.joining("、"));
        return "汇总表生成后已推荐案例" + changed + "的内容已变更";
    }

    private SummaryView view(Unit unit, Campaign campaign, Snapshot now, Optional<SummaryRecord> latest) {
        SummaryRecord sheet = latest.orElse(null);
        boolean current = sheet != null && sheet.hash().equals(now.fingerprint().hash()) && !now.cases().isEmpty();
        boolean stale = sheet != null && !current;
        UnitProgress status;
        if (!now.cases().isEmpty()) {
            status = sheet == null ? UnitProgress.RECOMMENDED
                    : current && sheet.scan() != null ? UnitProgress.COMPLETE : UnitProgress.AWAITING_STAMP;
        } else {
            status = cases.ofUnit(unit.unitId()).stream().anyMatch(c -> c.status() != CaseStatus.DRAFT)
                    ? UnitProgress.CASES_SUBMITTED : UnitProgress.NO_CASES;
        }
        String staleReason = stale ? staleReason(sheet, now) : null;
        String nextStep = stale && !now.cases().isEmpty()
                ? staleReason + "，原汇总表" + (sheet.scan() != null ? "及已上传的盖章扫描件" : "") + "已失效。请重新生成汇总表，打印盖章后上传"
                : status.nextStep();
        SummaryView.Sheet sheetView = sheet == null ? null : new SummaryView.Sheet(sheet.sheetId(), sheet.code(),
                ChinaTime.format(sheet.generatedAt()), sheet.pages(), current, sheet.cases(),
                files.link(sheet.pdfKey(), "推荐汇总表-" + sheet.code() + ".pdf", "application/pdf"),
                files.link(sheet.xlsxKey(), "推荐汇总表-" + sheet.code() + ".xlsx", XLSX));
        StampedScan scan = sheet == null ? null : sheet.scan();
        SummaryView.Scan scanView = scan == null ? null : new SummaryView.Scan(scan.fileName(), scan.contentType(),
                scan.size(), scan.pages(), scan.codeRead(), ChinaTime.format(scan.confirmedAt()),
                files.link(scan.key(), scan.fileName(), scan.contentType()));
        SummaryView.ReceiptLink receipt = scan == null ? null : new SummaryView.ReceiptLink(
                ChinaTime.format(scan.confirmedAt()), sheet.code(),
                files.link(scan.receiptKey(), "提交回执-" + sheet.code() + ".pdf", "application/pdf"));
        return new SummaryView(campaign.id(), unit.unitId(), unit.info().unitName(), status, status.step(),
                stale && status == UnitProgress.AWAITING_STAMP ? "汇总表已失效，待重新生成并盖章上传" : status.label(),
                nextStep, stale, staleReason, now.cases().size(), sheetView, scanView, receipt);
    }

    private static PrintedCase printed(CaseRecord record) {
        CaseForm form = record.form();
        String subtype = form.subtype() == null ? null : form.subtype() == Subtype.OTHER
                ? Subtype.OTHER.label() + "（" + form.otherSubtype() + "）" : form.subtype().label();
        return new PrintedCase(record.id(), record.version(), form.category(), form.name(), subtype,
                form.implementingUnit(), form.contactName(), form.phone());
    }

    private static SummarySheet.Row row(PrintedCase c) {
        return new SummarySheet.Row(c.category(), c.caseId(), c.version(), c.name(), c.subtype(), c.implementingUnit(),
                c.contactName(), c.phone());
    }

    private static SummarySheet.Unit unitOf(Unit unit) {
        var info = unit.info();
        return new SummarySheet.Unit(info.unitName(), info.address(), info.contactName(), info.contactTitle(),
                info.phone(), info.email());
    }

    /** "2026年度“典赞·科普中国”科普案例推荐汇总表" for the 2026 campaign. */
    static String title(Campaign campaign) {
        return campaign.id() + "年度“典赞·科普中国”科普案例推荐汇总表";
    }

    private static String prefix(String campaignId, String unitId, String sheetId) {
        return "summaries/" + campaignId + "/" + unitId + "/" + sheetId + "/";
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
