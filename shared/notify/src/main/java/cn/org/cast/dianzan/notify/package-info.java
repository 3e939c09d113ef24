/**
 * Mail: a {@link cn.org.cast.dianzan.notify.Mailer} that sends through a provider's SMTP server in the
 * China regions (no SES there; the login from Secrets Manager), SES v2 in the global regions, GreenMail
 * locally, chosen by configuration from one code path; and {@link cn.org.cast.dianzan.notify.AwsJsonEndpoint},
 * SigV4-signed JSON calls to AWS services whose SDK modules this build does not get. Addresses never
 * reach a log or an exception message unmasked ({@link cn.org.cast.dianzan.notify.Masked}).
 */
package cn.org.cast.dianzan.notify;
