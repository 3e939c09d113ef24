package cn.org.cast.dianzan.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;

class MaskedTest {

    @Test
    void anAddressKeepsItsFirstCharacterAndItsDomain() {
        assertEquals("z***@example.cn", Masked.email("zhang.san@example.cn"));
        assertEquals("张***@例子.中国", Masked.email("张三@例子.中国"));
        assertEquals("a***@b.cn", Masked.email("a@b.cn"));
    }

    @Test
    void somethingThatIsNoAddressShowsNothingOfIt() {
        assertEquals("***", Masked.email("not-an-address"));
        assertEquals("***", Masked.email("trailing@"));
        assertEquals("(none)", Masked.email(null));
        assertEquals("(none)", Masked.email(" "));
    }

    @Test
    void everyAddressInAServersReplyIsMasked() {
        String reply = "550 5.1.1 <li.si@example.cn>: Recipient address rejected; also wang@dianzan.cn, ok";

        String masked = Masked.emailsIn(reply);

        assertEquals("550 5.1.1 <l***@example.cn>: Recipient address rejected; also w***@dianzan.cn, ok", masked);
    }

    @Test
    void aFailureChainIsDescribedWithItsAddressesMasked() {
        Exception chain = new SendFailedException("Invalid Addresses",
                new IllegalStateException("553 mailbox li.si@example.cn unavailable"));

        String described = Masked.describe(chain);

        assertTrue(described.startsWith("SendFailedException: Invalid Addresses; caused by IllegalStateException: 553"), described);
        assertFalse(described.contains("li.si@"), described);
    }
}
