package cn.org.cast.dianzan.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseNamesTest {

    @Test
    void foldsWidthCasePunctuationSpacesAndTraditionalCharacters() {
        assertEquals(CaseNames.normalize("“典赞”科普 ABC（2025）"), CaseNames.normalize("典赞科普abc(2025)"));
        assertEquals(CaseNames.normalize("科學實驗室"), CaseNames.normalize("科学实验室"));
        assertEquals(CaseNames.normalize("ＡＢＣ　１２３"), CaseNames.normalize("abc123"));
    }

    @Test
    void similarityFallsWithTheEditDistance() {
        assertEquals(1.0, CaseNames.similarity("科普大篷车", "科普大篷车"));
        assertTrue(CaseNames.similarity("科普大篷车进乡村", "科普大篷车进农村") >= Selected2025.SIMILAR);
        assertTrue(CaseNames.similarity("科普大篷车", "天文观测营") < Selected2025.SIMILAR);
    }

    @Test
    void csvRowsWithQuotesCommasAndBlankLinesAreRead() {
        assertEquals(List.of(List.of("案例名称", "实施单位"), List.of("科普\"大\"篷车", "某市,科协")),
                Csv.parse("案例名称,实施单位\r\n\r\n\"科普\"\"大\"\"篷车\",\"某市,科协\"\n"));
    }
}
