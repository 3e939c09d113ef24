package cn.org.cast.dianzan.infra;

import software.amazon.awscdk.App;
import software.constructs.Node;

/**
 * What a deployment is, from the app's context (cdk.json, or {@code -c name=value}): the partition, the web
 * origin, the API's custom domain (the tokens' issuer) and the mail sender; in the China regions the SMTP
 * provider. template.yaml's parameters of the same names have the same defaults.
 */
public record StackSettings(Partition partition, String webOrigin, String apiDomainName, String mailFrom,
                            String smtpHost, String smtpPort) {

    public StackSettings {
        if (!apiDomainName.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new IllegalArgumentException("apiDomainName is not a lower-case domain name: " + apiDomainName);
        }
        if (!mailFrom.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("mailFrom is not an e-mail address: " + mailFrom);
        }
        if (!smtpPort.matches("[0-9]{2,5}")) {
            throw new IllegalArgumentException("smtpPort is not a port: " + smtpPort);
        }
    }

    static StackSettings of(App app) {
        Node node = app.getNode();
        return new StackSettings(Partition.of(node.tryGetContext("partition")), required(node, "webOrigin"),
                required(node, "apiDomainName"), required(node, "mailFrom"), required(node, "smtpHost"),
                required(node, "smtpPort"));
    }

    /** The domain of {@link #mailFrom}: the SES identity the mail is sent from. */
    String mailDomain() {
        return mailFrom.substring(mailFrom.indexOf('@') + 1);
    }

    /** The access tokens' issuer: the API's custom domain, where the OIDC discovery and the JWKS are served. */
    String tokenIssuer() {
        return "https://" + apiDomainName;
    }

    private static String required(Node node, String name) {
        Object value = node.tryGetContext(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("context value " + name + " is missing (infra-cdk/cdk.json)");
        }
        return value.toString();
    }
}
