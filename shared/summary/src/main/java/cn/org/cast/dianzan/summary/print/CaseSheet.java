package cn.org.cast.dianzan.summary.print;

import cn.org.cast.dianzan.cases.CaseForm;

/**
 * One case's information sheet (案例信息表) as printed: its form, its photos as stored (either may be
 * missing on a draft), its version (in the footer) and when it was printed (China time, as text).
 */
public record CaseSheet(String caseId, long version, CaseForm form, Photo landscape, Photo portrait,
                        String printedAt) {

    /** A photo's bytes as uploaded (JPEG or PNG, at most 1 MB), EXIF orientation still in them. */
    public record Photo(byte[] bytes, String contentType) {
    }
}
