package cn.org.cast.dianzan.notify;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** What the unit tests sign with: test credentials, a stopped clock, the real SDK HTTP client and the serde mapper. */
final class Signing {

    static final String ACCESS_KEY_ID = "AKIDTESTDIANZAN";
    static final String SECRET_ACCESS_KEY = "test-secret-never-real";
    static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    static final Instant NOW = Instant.parse("2026-11-29T05:06:07Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();
    static final JsonMapper JSON = ObjectMapper.getDefault();

    private Signing() {
    }

    static AwsJsonEndpoint endpoint(URI uri, String signingName, String region) {
        return endpoint(uri, signingName, region, CREDENTIALS);
    }

    static AwsJsonEndpoint endpoint(URI uri, String signingName, String region, AwsCredentialsProvider credentials) {
        return new AwsJsonEndpoint(uri, signingName, Region.of(region), credentials, HTTP, JSON, CLOCK);
    }
}
