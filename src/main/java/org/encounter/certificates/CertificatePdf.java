package org.encounter.certificates;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.i18n.I18NProvider;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The certificate as a PDF: A4 landscape, real text in an embedded Unicode font (Åsa Öberg,
 * Ольга, Zoë Nic Dhòmhnaill), a document title and language, the grouped verification code and a
 * QR code that opens the verification page with the code filled in.
 */
@Component
class CertificatePdf {

    private static final float WIDTH = PDRectangle.A4.getHeight();
    private static final float HEIGHT = PDRectangle.A4.getWidth();
    private static final String H1 = StandardStructureTypes.H1;
    private static final String H2 = StandardStructureTypes.H2;
    private static final String P = StandardStructureTypes.P;

    private final CertificateSigner signer;
    private final byte[] srgb;
    private final byte[] regular;
    private final byte[] bold;
    /** Parsing a TrueType font is the slow part of a certificate; each thread parses each font once. */
    private final ThreadLocal<org.apache.fontbox.ttf.TrueTypeFont> regularFont;
    private final ThreadLocal<org.apache.fontbox.ttf.TrueTypeFont> boldFont;
    private final I18NProvider i18n;
    private final String publicUrl;
    private final org.encounter.base.Dates dates;

    CertificatePdf(I18NProvider i18n, CertificateSigner signer, @Value("${encounter.public-url}") String publicUrl,
                   org.encounter.base.Dates dates) {
        this.dates = dates;
        this.i18n = i18n;
        this.signer = signer;
        this.srgb = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();
        this.publicUrl = publicUrl.replaceAll("/$", "");
        this.regular = read("/certificates/fonts/DejaVuSans.ttf");
        this.bold = read("/certificates/fonts/DejaVuSans-Bold.ttf");
        this.regularFont = ThreadLocal.withInitial(() -> parse(regular));
        this.boldFont = ThreadLocal.withInitial(() -> parse(bold));
    }

    /**
     * Renders one certificate once the app has started, so the first real one is not slow (fonts, classes,
     * signing). On a thread of its own: readiness comes after every ready listener, and a load balancer need
     * not wait the second or two this takes.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofPlatform().name("certificate-warm-up").daemon().start(() -> {
            long started = System.nanoTime();
            render(new CertificateView(0, "0000-0000-0000-0000-0000-0000-00", "Åsa Öberg", "Encounter", "Warm-up", 1,
                    "Encounter", dates.now(), 60, dates.now(), null, null, null),
                    "00000000000000000000000000", Locale.ENGLISH);
            org.slf4j.LoggerFactory.getLogger(CertificatePdf.class).info("Certificate rendering warmed up in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    String verifyUrl(String code) {
        return publicUrl + "/verify/" + code;
    }

    byte[] render(CertificateView c, String code, Locale locale) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            doc.addPage(page);
            PDFont text = PDType0Font.load(doc, regularFont.get(), true);
            PDFont heading = PDType0Font.load(doc, boldFont.get(), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            String title = c.title((key, args) -> t(key, locale, args));
            String headingText = t(c.isProgramme() ? "certificate.pdf.programme-heading" : "certificate.pdf.heading",
                    locale);
            // After erasure the certificate names no one: "a person whose data has been erased", as the sentence reads.
            String holder = c.holderErased() ? t("certificate.pdf.holder-erased", locale) : c.learnerName();
            info.setTitle(t("certificate.pdf.title", locale, title, holder));
            info.setAuthor(c.organisation());
            info.setSubject(headingText);
            info.setCreator("Encounter");
            doc.getDocumentCatalog().setLanguage(locale.toLanguageTag());
            doc.getDocumentCatalog().setViewerPreferences(new org.apache.pdfbox.pdmodel.interactive.viewerpreferences
                    .PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary()));
            doc.getDocumentCatalog().getViewerPreferences().setDisplayDocTitle(true);

            DateTimeFormatter date = dates.dates(FormatStyle.LONG, locale);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                CertificateStructure tags = new CertificateStructure(doc, page, s, locale);
                tags.artifact(() -> {
                    s.setNonStrokingColor(0.11f, 0.45f, 0.42f);
                    s.addRect(0, HEIGHT - 14, WIDTH, 14);
                    s.fill();
                });
                s.setNonStrokingColor(0.1f, 0.1f, 0.1f);
                float[] y = {HEIGHT - 90};
                tags.element(H1, () -> y[0] = centred(s, heading, 30, headingText, y[0]));
                tags.element(P, () -> y[0] = centred(s, text, 13, t("certificate.pdf.certifies", locale), y[0] - 30));
                tags.element(H2, () -> y[0] = centred(s, heading, 26, holder, y[0] - 20));
                tags.element(P, () -> y[0] = centred(s, text, 13, t(c.isProgramme()
                        ? "certificate.pdf.programme-completed" : "certificate.pdf.completed", locale), y[0] - 26));
                tags.element(H2, () -> {
                    for (String line : wrap(heading, 20, title, WIDTH - 160)) {
                        y[0] = centred(s, heading, 20, line, y[0] - 10);
                    }
                });
                if (c.isProgramme()) {
                    // A programme has no version, co-designers or time spent: who it was done with, and when.
                    if (c.partnerOrganisation() != null) {
                        tags.element(P, () -> {
                            for (String line : wrap(text, 12, t("certificate.pdf.with-partner", locale,
                                    c.partnerOrganisation()), WIDTH - 160)) {
                                y[0] = centred(s, text, 12, line, y[0] - 8);
                            }
                        });
                    }
                    tags.element(P, () -> y[0] = centred(s, text, 12, t("certificate.pdf.date", locale,
                            date.format(c.completedAt())), y[0] - 18));
                } else {
                    tags.element(P, () -> y[0] = centred(s, text, 12, t("certificate.pdf.version", locale,
                            c.versionNumber()), y[0] - 8));
                    tags.element(P, () -> {
                        for (String line : wrap(text, 12, t("module.co-designed-by", locale, c.credits()),
                                WIDTH - 160)) {
                            y[0] = centred(s, text, 12, line, y[0] - 6);
                        }
                    });
                    tags.element(P, () -> y[0] = centred(s, text, 12, t("certificate.pdf.date-time", locale,
                            date.format(c.completedAt()), duration(c.secondsSpent(), locale)), y[0] - 18));
                }
                tags.element(P, () -> y[0] = centred(s, text, 12, t("certificate.pdf.issued-by", locale,
                        c.organisation()), y[0] - 6));
                if (c.partnership() != null) {
                    tags.element(P, () -> centred(s, text, 12, t("certificate.pdf.in-partnership", locale,
                            c.partnership()), y[0] - 4));
                }

                PDImageXObject qr = LosslessFactory.createFromImage(doc, qr(verifyUrl(code)));
                tags.figure(t("certificate.pdf.qr-alt", locale, verifyUrl(code)), () -> s.drawImage(qr, 50, 30, 120, 120));
                tags.element(P, () -> write(s, text, 10, t("certificate.pdf.verify", locale), 175, 112));
                tags.element(P, () -> write(s, heading, 13, c.code(), 175, 92));
                tags.element(P, () -> write(s, text, 9, verifyUrl(code), 175, 74));
                tags.finish();
            }
            CertificateArchival.describe(doc, info, locale, srgb);
            doc.save(out);
            return sign(out.toByteArray(), c.organisation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs with the platform's key (an incremental update), so any later change to the file shows. */
    private byte[] sign(byte[] unsigned, String organisation) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(unsigned); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature signature =
                    new org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature();
            signature.setFilter(org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(organisation);
            signature.setReason("Encounter certificate");
            signature.setSignDate(java.util.Calendar.getInstance());
            org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions options =
                    new org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions();
            options.setPreferredSignatureSize(8192);
            doc.addSignature(signature, signer::sign, options);
            doc.saveIncremental(out);
            options.close();
            return out.toByteArray();
        }
    }

    private String t(String key, Locale locale, Object... args) {
        return i18n.getTranslation(key, locale, args);
    }

    private String duration(int seconds, Locale locale) {
        int minutes = Math.max(1, Math.round(seconds / 60f));
        return minutes >= 60 ? t("certificate.pdf.hours", locale, minutes / 60, minutes % 60)
                : t("certificate.pdf.minutes", locale, minutes);
    }

    private static float centred(PDPageContentStream s, PDFont font, float size, String text, float y) throws IOException {
        float width = font.getStringWidth(text) / 1000 * size;
        write(s, font, size, text, (WIDTH - width) / 2, y - size);
        return y - size;
    }

    private static void write(PDPageContentStream s, PDFont font, float size, String text, float x, float y)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static List<String> wrap(PDFont font, float size, String text, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > max && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Pixels per QR module: whole pixels keep every module the same size however a viewer scales the image. */
    private static final int QR_MODULE_PIXELS = 8;

    private static BufferedImage qr(String url) {
        try {
            // The standard four-module quiet zone. An image scaled to a fixed 200 px made some modules a pixel
            // wider than others.
            BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int size = matrix.getWidth() * QR_MODULE_PIXELS;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.setColor(java.awt.Color.BLACK);
            // One rectangle per dark module, not one call per pixel: this runs for every certificate.
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    if (matrix.get(x, y)) {
                        g.fillRect(x * QR_MODULE_PIXELS, y * QR_MODULE_PIXELS, QR_MODULE_PIXELS, QR_MODULE_PIXELS);
                    }
                }
            }
            g.dispose();
            return image;
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.apache.fontbox.ttf.TrueTypeFont parse(byte[] font) {
        try {
            return new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(font));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = CertificatePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
