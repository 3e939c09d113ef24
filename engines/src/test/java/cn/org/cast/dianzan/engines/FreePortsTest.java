package cn.org.cast.dianzan.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;

/** Ports for engines started together are distinct and avoid those already handed out (a GreenMail once got one port for both its servers). */
class FreePortsTest {

    @RepeatedTest(20)
    void portsChosenTogetherAreDistinctAndNoneIsTaken() {
        int[] taken = ChildProcess.freePorts(2);
        int[] ports = ChildProcess.freePorts(4, taken);
        assertEquals(4, Arrays.stream(ports).distinct().count());
        for (int port : ports) {
            assertFalse(port == taken[0] || port == taken[1]);
        }
    }
}
