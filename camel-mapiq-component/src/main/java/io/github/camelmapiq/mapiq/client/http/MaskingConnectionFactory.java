package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the connections of the component's own pools, which never log what they carry. HttpClient's default
 * connections dump every byte to {@code org.apache.hc.client5.http.wire} and every header to
 * {@code org.apache.hc.client5.http.headers} once those loggers reach DEBUG: the client secret of the token request,
 * the tokens of its answer and each {@code Authorization} header. These connections log no body bytes at any level, and
 * log request and status lines and headers to the same {@code headers} logger with the values of credential headers
 * replaced by {@code xxxxxx}, so turning logging up to TRACE while chasing a problem shows the traffic's shape but no
 * secret.
 */
final class MaskingConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    static final MaskingConnectionFactory INSTANCE = new MaskingConnectionFactory();

    /** HttpClient's own header logger name, so existing logging set-ups keep working (masked). */
    private static final Logger HEADER_LOG = LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
    private static final Logger LOG = LoggerFactory.getLogger(MaskingConnectionFactory.class);
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "www-authenticate", "proxy-authenticate");
    static final String MASK = "xxxxxx";

    private static final AtomicLong COUNTER = new AtomicLong();

    private MaskingConnectionFactory() {
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection("mapiq-http-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** A header as it may be logged: credential headers keep their name, their value is masked. */
    static String printable(Header header) {
        return CREDENTIAL_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))
                ? header.getName() + ": " + MASK
                : header.getName() + ": " + header.getValue();
    }

    /** An HTTP/1.1 connection bound to plain sockets: nothing wraps its streams to log them. */
    private static final class QuietConnection extends DefaultBHttpClientConnection
            implements ManagedHttpClientConnection, Identifiable {

        private final String id;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Timeout socketTimeout;

        QuietConnection(String id) {
            super(Http1Config.DEFAULT);
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void bind(Socket socket) throws IOException {
            refuseIfClosed(socket);
            super.bind(socket);
            socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            refuseIfClosed(sslSocket);
            super.bind(sslSocket, socket);
            socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
        }

        /** A pool may shut a connection down while it is being opened: the new socket must not stay open. */
        private void refuseIfClosed(Socket socket) throws IOException {
            if (closed.get()) {
                socket.close();
                throw new InterruptedIOException("Connection already shut down");
            }
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder != null ? holder.getSocket() : null;
        }

        @Override
        public SSLSession getSSLSession() {
            return getSocket() instanceof SSLSocket ssl ? ssl.getSession() : null;
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            socketTimeout = timeout;
        }

        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }

        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                LOG.debug("{} closing", id);
                super.close();
            }
        }

        @Override
        public void close(CloseMode mode) {
            if (closed.compareAndSet(false, true)) {
                LOG.debug("{} closing ({})", id, mode);
                super.close(mode);
            }
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            if (request != null && HEADER_LOG.isDebugEnabled()) {
                logHeaders(">>", new RequestLine(request), request.getHeaders());
            }
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            if (response != null && HEADER_LOG.isDebugEnabled()) {
                logHeaders("<<", new StatusLine(response), response.getHeaders());
            }
        }

        private void logHeaders(String direction, Object firstLine, Header[] headers) {
            HEADER_LOG.debug("{} {} {}", id, direction, firstLine);
            for (Header header : headers) {
                HEADER_LOG.debug("{} {} {}", id, direction, printable(header));
            }
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
