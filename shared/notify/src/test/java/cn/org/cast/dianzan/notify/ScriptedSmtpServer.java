package cn.org.cast.dianzan.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server for the login cases GreenMail (authentication disabled) cannot show: it
 * offers AUTH PLAIN, records each login tried, and accepts only the passwords it was given.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Set<String> acceptedPasswords;
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private final List<String> deliveredTo = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ScriptedSmtpServer(Set<String> acceptedPasswords) {
        this.acceptedPasswords = acceptedPasswords;
        try {
            socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::serve, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Each AUTH tried, as {@code username:password}. */
    List<String> logins() {
        return List.copyOf(logins);
    }

    List<String> deliveredTo() {
        return List.copyOf(deliveredTo);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = client.getOutputStream();
        reply(out, "220 scripted ESMTP");
        boolean authenticated = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(java.util.Locale.ROOT);
            if (command.startsWith("EHLO")) {
                reply(out, "250-scripted\r\n250 AUTH PLAIN");
            } else if (command.startsWith("AUTH PLAIN ")) {
                String[] parts = new String(Base64.getDecoder().decode(line.substring(11).strip()), StandardCharsets.UTF_8).split("\0");
                logins.add(parts[1] + ":" + parts[2]);
                authenticated = acceptedPasswords.contains(parts[2]);
                reply(out, authenticated ? "235 2.7.0 accepted" : "535 5.7.8 authentication failed");
                if (!authenticated) {
                    return;
                }
            } else if (command.startsWith("MAIL FROM")) {
                reply(out, authenticated ? "250 ok" : "530 5.7.0 authentication required");
            } else if (command.startsWith("RCPT TO")) {
                deliveredTo.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                reply(out, "250 ok");
            } else if (command.equals("DATA")) {
                reply(out, "354 go ahead");
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    // the message itself is GreenMail's business in the ITs
                }
                reply(out, "250 queued");
            } else if (command.equals("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(2000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
