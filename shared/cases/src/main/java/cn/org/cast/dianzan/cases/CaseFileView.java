package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.campaign.ChinaTime;
import io.micronaut.serde.annotation.Serdeable;

/** A case's file as clients see it: no storage key, the time in China time. */
@Serdeable
public record CaseFileView(String id, String caseId, FileKind kind, String kindLabel, Integer awardIndex,
                           String fileName, String contentType, long size, Integer width, Integer height,
                           String attachedAt) {

    public static CaseFileView of(CaseFile f) {
        return new CaseFileView(f.id(), f.caseId(), f.kind(), f.kind().label(), f.awardIndex(), f.fileName(),
                f.contentType(), f.size(), f.width(), f.height(), ChinaTime.format(f.attachedAt()));
    }
}
