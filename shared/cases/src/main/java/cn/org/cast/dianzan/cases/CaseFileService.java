package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.FieldError;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a case as the domain keeps them: which are attached, which a submission still
 * needs, and attaching within each kind's limit. Storing the bytes is the media module's work; this
 * service never touches S3.
 */
@Singleton
public class CaseFileService {

    private final CaseFileRepository files;

    public CaseFileService(CaseFileRepository files) {
        this.files = files;
    }

    public List<CaseFile> files(String caseId) {
        return files.all(caseId);
    }

    /** How many files the slot already holds (for a limit checked before signing an upload). */
    public long count(String caseId, FileKind kind, Integer awardIndex) {
        String slot = CaseFile.slot(kind, awardIndex);
        return files.all(caseId).stream().filter(f -> f.slot().equals(slot)).count();
    }

    /** Attaches a verified file; answers the files it replaced (a photo's predecessor), to be deleted. */
    public List<CaseFile> attach(CaseFile file) {
        CaseFileRepository.Attached attached = files.attach(file);
        if (!attached.accepted()) {
            throw tooMany(file.kind());
        }
        return attached.replaced();
    }

    public Optional<CaseFile> detach(CaseFile file) {
        return files.detach(file);
    }

    public static DomainException tooMany(FileKind kind) {
        return new DomainException(Failure.TOO_MANY_FILES, kind.label() + "最多" + kind.maxCount() + "个"
                + (kind.perAward() ? "（每个奖项）" : "") + "，请先删除不需要的文件", List.of(),
                Map.of("kind", kind.name(), "max", kind.maxCount()));
    }

    /** The files a submission needs: both photos, and a proof for every award of the form. */
    public static List<FieldError> missingForSubmission(CaseForm form, List<CaseFile> attached) {
        List<FieldError> missing = new ArrayList<>();
        for (FileKind photo : List.of(FileKind.LANDSCAPE_PHOTO, FileKind.PORTRAIT_PHOTO)) {
            if (attached.stream().noneMatch(f -> f.kind() == photo)) {
                missing.add(new FieldError("files." + photo.name(), "REQUIRED", "须上传" + photo.label()));
            }
        }
        for (int i = 0; i < form.awards().size(); i++) {
            String slot = CaseFile.slot(FileKind.AWARD_PROOF, i);
            if (attached.stream().noneMatch(f -> f.slot().equals(slot))) {
                missing.add(new FieldError("awards[" + i + "].proof", "REQUIRED",
                        "须上传第" + (i + 1) + "个奖项的获奖证明材料"));
            }
        }
        return missing;
    }
}
