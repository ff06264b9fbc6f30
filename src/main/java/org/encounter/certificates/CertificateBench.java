package org.encounter.certificates;

import java.util.Locale;
import org.springframework.stereotype.Component;

/** The certificate renderer, reachable from bench/ (the renderer itself stays package-private). */
@Component
public class CertificateBench {

    private final CertificatePdf pdf;

    CertificateBench(CertificatePdf pdf) {
        this.pdf = pdf;
    }

    public byte[] render(CertificateView certificate, Locale locale) {
        return pdf.render(certificate, certificate.code().replace("-", ""), locale);
    }
}
