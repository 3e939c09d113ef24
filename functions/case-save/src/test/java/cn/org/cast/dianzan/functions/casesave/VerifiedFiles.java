package cn.org.cast.dianzan.functions.casesave;

import cn.org.cast.dianzan.cases.CaseFile;
import cn.org.cast.dianzan.cases.CaseFileService;
import cn.org.cast.dianzan.cases.FileKind;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;

/**
 * Files as the media function leaves them once verified, attached straight through the domain: the
 * case-save tests need a case that has its photos without going through S3 (the media ITs do that).
 */
final class VerifiedFiles {

    private VerifiedFiles() {
    }

    /** Attaches a landscape and a portrait photo, and a proof for each of the first {@code awards} awards. */
    static void attachTo(ApplicationContext context, String caseId, String owner, int awards) {
        CaseFileService files = context.getBean(CaseFileService.class);
        files.attach(file(caseId, owner, FileKind.LANDSCAPE_PHOTO, null, 400, 300));
        files.attach(file(caseId, owner, FileKind.PORTRAIT_PHOTO, null, 300, 400));
        for (int i = 0; i < awards; i++) {
            files.attach(file(caseId, owner, FileKind.AWARD_PROOF, i, null, null));
        }
    }

    private static CaseFile file(String caseId, String owner, FileKind kind, Integer award, Integer width, Integer height) {
        String id = "U" + kind.ordinal() + (award == null ? "" : "-" + award) + "-" + caseId;
        return new CaseFile(id, caseId, kind, award, "media/test/" + caseId + "/" + id, kind.label() + ".jpg",
                "image/jpeg", 1024, width, height, Instant.parse("2026-06-20T02:00:00Z"), owner);
    }
}
