package cn.org.cast.dianzan.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * GreenMail 2.1.3 (a real SMTP server in Java) as the mail engine, from its standalone jar in a JVM of
 * its own: SMTP on 127.0.0.1 with authentication disabled (any login is accepted, every recipient
 * gets a mailbox), and its REST API, through which the received mail is read and purged. Mail is
 * kept in memory only: a restart empties every mailbox, also under the local system's data directory.
 */
public final class GreenMailServer implements AutoCloseable {

    /**
     * One received mail, decoded: {@code to} the address, {@code from} as {@code 名称 <address>}, the subject,
     * the plain and the HTML body (null when absent), and when GreenMail received it.
     */
    public record ReceivedMail(String to, String from, String subject, String text, String html, Instant receivedAt) {
    }

    /**
     * GreenMail stamps each mail with {@code Received: from ... ; Sun Nov 29 13:19:17 UTC 2026}, in the
     * JVM's zone: the child runs in UTC so that the zone is never an ambiguous {@code CST}.
     */
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss zzz yyyy", Locale.US);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session PARSING = Session.getInstance(new Properties());

    private final ChildProcess process;
    private final int smtpPort;
    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GreenMailServer(ChildProcess process, int smtpPort, URI api) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.api = api;
    }

    public static GreenMailServer start(Path home, int smtpPort, int apiPort, Path workDir) {
        Path jar = locateJar(home);
        Path log4j = workDir.resolve("greenmail-log4j2.xml");
        try {
            Files.createDirectories(workDir);
            // Its start only: at INFO it logs every mailbox it creates, i.e. every recipient's address.
            Files.writeString(log4j, """
                    <Configuration>
                      <Appenders>
                        <Console name="OUT" target="SYSTEM_OUT"><PatternLayout pattern="%d %-5p %c{1} - %m%n"/></Console>
                      </Appenders>
                      <Loggers>
                        <Root level="warn"><AppenderRef ref="OUT"/></Root>
                        <Logger name="com.icegreen.greenmail.standalone" level="info"/>
                        <Logger name="org.glassfish.jersey" level="error"/>
                      </Loggers>
                    </Configuration>
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException("无法准备 GreenMail / cannot prepare GreenMail in " + workDir + ": " + e.getMessage(), e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess process = ChildProcess.start("greenmail", List.of(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dlog4j2.configurationFile=" + log4j,
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled", "-jar", jar.toString()),
                workDir.resolve("greenmail-" + smtpPort + ".log"));
        process.awaitPort(smtpPort, Duration.ofSeconds(60));
        process.awaitPort(apiPort, Duration.ofSeconds(30));
        return new GreenMailServer(process, smtpPort, URI.create("http://127.0.0.1:" + apiPort));
    }

    static Path locateJar(Path home) {
        String configured = System.getProperty("dianzan.greenmail.jar");
        Path jar = configured != null ? Path.of(configured) : home.resolve(".engines/greenmail.jar");
        if (!Files.isRegularFile(jar)) {
            throw new EngineException("未找到 GreenMail：请先运行 mvn -pl engines generate-resources / GreenMail jar missing at "
                    + jar + ": build the engines module first");
        }
        return jar;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** GreenMail's REST API (GET /api/user/{address}/messages/INBOX, POST /api/mail/purge, ...). */
    public URI apiEndpoint() {
        return api;
    }

    /** The mail received for {@code toAddress}, oldest first; none if nothing ever came for it. */
    public List<ReceivedMail> messages(String toAddress) {
        String mailbox = URLEncoder.encode(toAddress, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> response = call(HttpRequest.newBuilder(api.resolve("/api/user/" + mailbox + "/messages/INBOX")).GET());
        if (response.statusCode() == 400 && response.body().contains("not found")) {
            return List.of();
        }
        requireOk(response, "read messages");
        List<ReceivedMail> mails = new ArrayList<>();
        try {
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(decode(message.path("mimeMessage").asText()));
            }
        } catch (IOException | MessagingException e) {
            throw new EngineException("GreenMail 的邮件无法解析 / cannot parse GreenMail's messages: " + e.getMessage(), e);
        }
        return mails;
    }

    /** Polls until {@code count} mails have come for {@code toAddress}; what came, or a failure after {@code timeout}. */
    public List<ReceivedMail> awaitMessages(String toAddress, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ReceivedMail> mails = messages(toAddress);
        while (mails.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new EngineException(count + " mails expected, " + mails.size() + " received in " + timeout);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("interrupted while waiting for mail", e);
            }
            mails = messages(toAddress);
        }
        return mails;
    }

    /** Deletes every received mail of every mailbox. */
    public void purge() {
        requireOk(call(HttpRequest.newBuilder(api.resolve("/api/mail/purge")).POST(HttpRequest.BodyPublishers.noBody())),
                "purge");
    }

    /**
     * The REST API serializes a mail as its raw MIME text with each byte as one character (ISO-8859-1);
     * read back as those bytes, an 8-bit body survives as well as a 7-bit one.
     */
    static ReceivedMail decode(String rawMime) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(PARSING, new ByteArrayInputStream(rawMime.getBytes(StandardCharsets.ISO_8859_1)));
        Bodies bodies = new Bodies();
        bodies.collect(message);
        return new ReceivedMail(first(message.getRecipients(Message.RecipientType.TO)), first(message.getFrom()),
                message.getSubject(), bodies.text, bodies.html, receivedAt(message));
    }

    private static String first(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return null;
        }
        if (addresses[0] instanceof InternetAddress address && address.getPersonal() != null) {
            return address.getPersonal() + " <" + address.getAddress() + ">";
        }
        return addresses[0] instanceof InternetAddress address ? address.getAddress() : addresses[0].toString();
    }

    private static Instant receivedAt(MimeMessage message) throws MessagingException {
        String[] received = message.getHeader("Received");
        if (received != null && received.length > 0 && received[0].lastIndexOf(';') >= 0) {
            String stamp = received[0].substring(received[0].lastIndexOf(';') + 1).replaceAll("\\s+", " ").strip();
            try {
                return ZonedDateTime.parse(stamp, RECEIVED).toInstant();
            } catch (DateTimeParseException unexpected) {
                // fall through to the sender's Date
            }
        }
        return message.getSentDate() == null ? null : message.getSentDate().toInstant();
    }

    private static final class Bodies {
        private String text;
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            }
        }
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EngineException("GreenMail 不可达 / GreenMail API unreachable at " + api + ": " + e.getMessage()
                    + (process.isAlive() ? "" : "\n" + process.logTail()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while calling GreenMail", e);
        }
    }

    private static void requireOk(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new EngineException("GreenMail " + what + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
