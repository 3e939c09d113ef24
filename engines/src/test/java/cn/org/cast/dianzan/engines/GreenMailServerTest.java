package cn.org.cast.dianzan.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GreenMailServerTest {

    @Test
    void anEightBitUtf8BodyAsTheApiSerializesItDecodesIntact() throws Exception {
        // GIVEN the raw MIME GreenMail's API returns: each byte one ISO-8859-1 character
        String mime = """
                Return-Path: <noreply@dianzan.local>\r
                Received: from 127.0.0.1 (HELO [127.0.0.1]); Sun Nov 29 13:19:17 UTC 2026\r
                From: =?UTF-8?B?5YW46LWe?= <noreply@dianzan.local>\r
                To: zhang@example.cn\r
                Subject: =?utf-8?b?5rWL6K+VIOS4u+mimA==?=\r
                MIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset="utf-8"\r
                Content-Transfer-Encoding: 8bit\r
                \r
                正文\r
                --b1\r
                Content-Type: text/html; charset="utf-8"\r
                Content-Transfer-Encoding: 8bit\r
                \r
                <p>正文</p>\r
                --b1--""";
        String asServed = new String(mime.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        // WHEN it is decoded
        GreenMailServer.ReceivedMail mail = GreenMailServer.decode(asServed);

        // THEN every part is the text that was sent, and the time is GreenMail's Received stamp
        assertEquals("zhang@example.cn", mail.to());
        assertEquals("典赞 <noreply@dianzan.local>", mail.from());
        assertEquals("测试 主题", mail.subject());
        assertEquals("正文", mail.text().strip());
        assertEquals("<p>正文</p>", mail.html().strip());
        assertEquals(Instant.parse("2026-11-29T13:19:17Z"), mail.receivedAt());
    }
}
