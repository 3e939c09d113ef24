package cn.org.cast.dianzan.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent SigV4 check, written from AWS's description of the algorithm (canonical request,
 * string to sign, derived key), so that a test proves the signature right, not merely well formed.
 */
final class SigV4 {

    static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request, "
                    + "SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})");

    /** The parts of an Authorization header. */
    record Authorization(String accessKeyId, String date, String region, String service, String[] signedHeaders,
                         String signature) {
        static Authorization parse(String header) {
            Matcher m = AUTHORIZATION.matcher(header == null ? "" : header);
            if (!m.matches()) {
                throw new AssertionError("not a SigV4 Authorization header: " + header);
            }
            return new Authorization(m.group("key"), m.group("date"), m.group("region"), m.group("service"),
                    m.group("headers").split(";"), m.group("signature"));
        }
    }

    private SigV4() {
    }

    /** Whether {@code request}, as received, carries the signature {@code secretAccessKey} gives it. */
    static boolean verifies(AwsStandIn.Received request, String secretAccessKey) {
        Authorization auth = Authorization.parse(request.header("Authorization"));
        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(request.path()).append('\n')
                .append('\n');
        for (String name : auth.signedHeaders()) {
            String value = request.header(name);
            if (value == null) {
                return false;
            }
            canonical.append(name).append(':').append(value.strip().replaceAll("\\s+", " ")).append('\n');
        }
        canonical.append('\n').append(String.join(";", auth.signedHeaders())).append('\n').append(hex(sha256(request.body())));
        String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + request.header("X-Amz-Date") + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, "aws4_request");
        return MessageDigest.isEqual(hex(hmac(key, toSign)).getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII));
    }

    static AwsStandIn.Received tampered(AwsStandIn.Received request) {
        byte[] body = Arrays.copyOf(request.body(), request.body().length + 1);
        body[body.length - 1] = ' ';
        return new AwsStandIn.Received(request.method(), request.path(), request.headers(), body);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
