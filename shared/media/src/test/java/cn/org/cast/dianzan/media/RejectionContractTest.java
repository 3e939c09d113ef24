package cn.org.cast.dianzan.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reasons a rejected upload gives are the ones openapi.yaml's FileRejectionReason lists, in its order. */
class RejectionContractTest {

    @Test
    void theContractListsEveryRejectionReason() throws Exception {
        String contract = Files.readString(ProjectHome.locate().resolve("openapi.yaml"));
        Matcher reasons = Pattern.compile("(?s)\\n    FileRejectionReason:\\n.*?\\n      enum: \\[([^]]*)]").matcher(contract);

        assertTrue(reasons.find(), "openapi.yaml has no FileRejectionReason enum");
        assertEquals(Arrays.stream(Rejection.values()).map(Enum::name).toList(),
                List.of(reasons.group(1).split(",\\s*")));
    }
}
