package cn.org.cast.dianzan.engines;

/** The static credentials that the local engines accept; never real AWS credentials. */
public record Credentials(String accessKeyId, String secretAccessKey) {

    public static final Credentials LOCAL = new Credentials("local", "local-secret");
}
