package cn.org.cast.dianzan.summary.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

    private static final float SIZE = 10;

    private static float width(String text) {
        return Typeface.width(text, SIZE);
    }

    @Test
    void chineseBreaksBetweenAnyTwoCharactersAndEveryLineFits() {
        // GIVEN room for about seven characters
        String text = "科普活动要与学校课程衔接避免一次性热闹";
        float width = width("科普活动要与学") + 1;
        // WHEN
        List<String> lines = LineBreaker.lines(text, SIZE, width);
        // THEN
        assertEquals(text, String.join("", lines));
        assertEquals("科普活动要与学", lines.get(0));
        lines.forEach(line -> assertTrue(width(line) <= width, line));
    }

    @Test
    void latinWordsStayWholeWhenTheyFit() {
        float width = width("MachineLearning") + 1;
        List<String> lines = LineBreaker.lines("人工智能 MachineLearning 课程", SIZE, width);
        assertEquals(List.of("人工智能", "MachineLearning", "课程"), lines);
    }

    @Test
    void aLinkWiderThanTheLineIsBrokenAndKeepsEveryCharacter() {
        String url = "https://www.kepu.gov.cn/news/2025/06/18/a8f3c2d1e4b5/ai-science-lecture-series.html?from=timeline";
        float width = width(url) / 3;
        List<String> lines = LineBreaker.lines("链接：" + url, SIZE, width);
        assertEquals("链接：" + url, String.join("", lines));
        assertTrue(lines.size() >= 3);
        lines.forEach(line -> assertTrue(width(line) <= width, line));
    }

    @Test
    void explicitLineBreaksAndEmptyLinesAreHonoured() {
        assertEquals(List.of("一、实施情况", "", "二、成效"), LineBreaker.lines("一、实施情况\n\n二、成效", SIZE, 400));
    }

    @Test
    void aClosingMarkDoesNotStartALineItTakesTheCharacterBeforeItAlong() {
        // GIVEN a line that is full just before the comma
        float width = width("科普活动要与学校") + 1;
        // WHEN
        List<String> lines = LineBreaker.lines("科普活动要与学校，课程衔接", SIZE, width);
        // THEN
        assertEquals(List.of("科普活动要与学", "校，课程衔接"), lines);
    }

    @Test
    void anOpeningMarkOrAChoiceBoxDoesNotEndALine() {
        float width = width("科普活动服务（") + 1;
        List<String> lines = LineBreaker.lines("科普活动服务（讲座）", SIZE, width);
        assertFalse(lines.get(0).endsWith("（"), lines.toString());
        List<String> options = LineBreaker.lines("科普讲座○科普沙龙", SIZE, width("科普讲座○") + 1);
        assertEquals(List.of("科普讲座", "○科普沙龙"), options);
    }

    @Test
    void wrappedLinesDoNotStartWithTheSpaceTheyBrokeAt() {
        float width = width("alpha beta") + 1;
        assertEquals(List.of("alpha beta", "gamma"), LineBreaker.lines("alpha beta gamma", SIZE, width));
    }

    @Test
    void optionsBreakAtSpacesOnly() {
        // GIVEN room for the first two options and part of the third
        String options = "○科技馆 ○科技类博物馆 ○全国科普教育基地";
        float width = width("○科技馆 ○科技类博物馆 ○全国") + 1;
        // WHEN
        List<String> lines = LineBreaker.lines(options, SIZE, width, true);
        // THEN the third option moves to the next line whole
        assertEquals(List.of("○科技馆 ○科技类博物馆", "○全国科普教育基地"), lines);
    }
}
