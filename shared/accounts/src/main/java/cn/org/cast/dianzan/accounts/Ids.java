package cn.org.cast.dianzan.accounts;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Account ids ({@code A} + UUID) and person ids ({@code P} + UUID): anything else names nobody. */
final class Ids {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    static String newAccount() {
        return "A" + UUID.randomUUID();
    }

    static String newPerson() {
        return "P" + UUID.randomUUID();
    }

    static Optional<String> account(String id) {
        return shaped(id, 'A');
    }

    static Optional<String> person(String id) {
        return shaped(id, 'P');
    }

    private static Optional<String> shaped(String id, char kind) {
        return id != null && id.length() == 37 && id.charAt(0) == kind && UUID_SHAPE.matcher(id.substring(1)).matches()
                ? Optional.of(id) : Optional.empty();
    }
}
