package cn.org.cast.dianzan.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Form;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScanRequestTest {

    @Test
    void aStampedScanIsAPdfJpegOrPngOfAtMost20Mb() {
        ScanRequest ok = ScanRequest.from(Form.of(Map.of("kind", "STAMPED_SUMMARY", "fileName", "汇总表.pdf",
                "size", 20_971_520, "contentType", "application/pdf")));
        assertEquals(20_971_520, ok.size());
        assertEquals(Set.of("kind:UNKNOWN_VALUE", "size:TOO_LARGE", "contentType:UNSUPPORTED_TYPE",
                "fileName:INVALID_FILE_NAME"), refused(Map.of("kind", "VIDEO", "fileName", "../汇总表.pdf",
                "size", 20_971_521, "contentType", "image/gif")));
        assertEquals(Set.of("fileName:REQUIRED", "size:REQUIRED", "contentType:REQUIRED"), refused(Map.of()));
    }

    private static Set<String> refused(Map<String, Object> fields) {
        DomainException e = assertThrows(DomainException.class, () -> ScanRequest.from(Form.of(fields)));
        return e.fields().stream().map(f -> f.field() + ":" + f.code()).collect(Collectors.toSet());
    }

}
