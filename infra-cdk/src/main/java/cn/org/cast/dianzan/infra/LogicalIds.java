package cn.org.cast.dianzan.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * CDK's logical id of a construct path below the stack: {@code makeUniqueId} of aws-cdk-lib
 * (core/lib/private/uniqueid). CDK keeps this scheme unchanged across releases, as every deployed CDK stack
 * depends on it; it is not exported, so it is restated here.
 */
final class LogicalIds {

    private static final String HIDDEN = "Default";
    private static final String HIDDEN_FROM_HUMAN = "Resource";
    private static final int HASH_LENGTH = 8;
    private static final int MAX_HUMAN_LENGTH = 240;
    private static final int MAX_ID_LENGTH = 255;

    private LogicalIds() {
    }

    static String of(List<String> path) {
        List<String> components = path.stream().filter(c -> !c.equals(HIDDEN)).toList();
        if (components.isEmpty()) {
            throw new IllegalArgumentException("no path to name");
        }
        if (components.size() == 1 && alphanumeric(components.get(0)).length() <= MAX_ID_LENGTH) {
            return alphanumeric(components.get(0));
        }
        String human = withoutRepeats(components).stream()
                .filter(c -> !c.equals(HIDDEN_FROM_HUMAN))
                .map(LogicalIds::alphanumeric)
                .collect(Collectors.joining());
        return human.substring(0, Math.min(human.length(), MAX_HUMAN_LENGTH)) + hash(components);
    }

    private static String hash(List<String> components) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5")
                    .digest(String.join("/", components).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5).substring(0, HASH_LENGTH).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    private static String alphanumeric(String component) {
        return component.replaceAll("[^A-Za-z0-9]", "");
    }

    /** Drops a component the previous one already ends with ("UserPool", "Pool" reads "UserPool"). */
    private static List<String> withoutRepeats(List<String> components) {
        List<String> kept = new ArrayList<>();
        for (String component : components) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).endsWith(component)) {
                kept.add(component);
            }
        }
        return kept;
    }
}
