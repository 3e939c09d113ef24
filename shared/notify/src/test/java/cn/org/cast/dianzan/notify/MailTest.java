package cn.org.cast.dianzan.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MailTest {

    @Test
    void aMailWithoutHtmlIsPlainText() {
        Mail mail = Mail.text("zhang@example.cn", "主题", "正文");

        assertFalse(mail.hasHtml());
    }

    @Test
    void blankFieldsAreRefusedByName() {
        assertEquals("to must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new Mail(" ", "主题", "正文", null)).getMessage());
        assertEquals("subject must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new Mail("a@b.cn", "", "正文", null)).getMessage());
        assertEquals("text must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new Mail("a@b.cn", "主题", null, null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Mail("a@b.cn", "主题", "正文", "  "));
    }

    @Test
    void aSubjectOfTwoLinesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Mail.text("a@b.cn", "主题\r\nBcc: victim@example.cn", "正文"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zhang", "zhang@", "@example.cn", "zhang@example", "a@b@example.cn",
            "zhang@example.cn, li@example.cn", "张三 <zhang@example.cn>", "zhang@example.cn\r\nBcc: x@y.cn", "zh ang@example.cn"})
    void anythingButOneAddressIsRefusedWithoutQuotingIt(String to) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mail.text(to, "主题", "正文"));

        assertTrue(e.getMessage().startsWith("to is not a single e-mail address"), e.getMessage());
        assertFalse(e.getMessage().contains("zhang@example.cn"), e.getMessage());
    }

    @Test
    void aLoggedMailShowsNoAddress() {
        String logged = new Mail("zhang.san@example.cn", "您的案例已提交", "正文", "<p>正文</p>").toString();

        assertFalse(logged.contains("zhang.san"), logged);
        assertTrue(logged.contains("z***@example.cn"), logged);
    }
}
