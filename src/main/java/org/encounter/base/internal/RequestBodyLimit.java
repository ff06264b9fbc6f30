package org.encounter.base.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every request before anything reads it, so no request can make the server
 * hold or drain more than it should: a body declaring more than the cap gets 413 at once without
 * a byte read, and one of unknown length (chunked) fails as soon as it passes the cap. Vaadin's
 * upload requests get the upload limit plus a little; everything else, the UI's own messages and
 * the sign-in form included, a much smaller cap. Registered in {@link RequestBodyLimitConfiguration}.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    /** Where Vaadin's upload fields (and downloads, which have no body) send their requests. */
    static final String UPLOAD_PATH = "/VAADIN/dynamic/resource/";
    /** Room for the headers of a multipart body around the file. */
    static final long UPLOAD_OVERHEAD = 64 * 1024;

    private final long uploadCap;
    private final long bodyCap;

    RequestBodyLimit(long maxUploadBytes, long maxBodyBytes) {
        this.uploadCap = maxUploadBytes + UPLOAD_OVERHEAD;
        this.bodyCap = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long cap = request.getRequestURI().contains(UPLOAD_PATH) ? uploadCap : bodyCap;
        if (request.getContentLengthLong() > cap) {
            refuse(response);
            return;
        }
        CappedRequest capped = new CappedRequest(request, cap);
        try {
            chain.doFilter(capped, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!capped.exceeded) {
                throw e;
            }
        }
        if (capped.exceeded && !response.isCommitted()) {
            response.reset();
            refuse(response);
        }
    }

    /** 413 also makes Tomcat close the connection rather than drain the rest of the body. */
    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Request body too large");
    }

    /** Thrown by a capped body's stream as soon as more than the cap has arrived. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long cap) {
            super("request body exceeds " + cap + " bytes");
        }
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final long cap;
        private long read;
        private boolean exceeded;
        private ServletInputStream stream;

        CappedRequest(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private void count(long n) throws BodyTooLarge {
            if (n > 0) {
                read += n;
                if (read > cap) {
                    exceeded = true;
                    throw new BodyTooLarge(cap);
                }
            }
        }

        private final class CappedStream extends ServletInputStream {
            private final ServletInputStream in;

            CappedStream(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                count(n);
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
