package org.encounter.certificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** What makes the certificate an archival PDF/A-2a file besides its structure: XMP metadata and an output intent. */
final class CertificateArchival {

    private CertificateArchival() {
    }

    /** PDF/A-2a (with the structure): XMP metadata matching the document information, and an sRGB output intent. */
    static void describe(PDDocument doc, PDDocumentInformation info, Locale locale, byte[] srgb) throws IOException {
        java.util.Calendar now = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        now.set(java.util.Calendar.MILLISECOND, 0);
        info.setCreationDate(now);
        info.setModificationDate(now);
        info.setProducer("Encounter (Apache PDFBox)");
        // Written from a template: building it with xmpbox and a javax.xml Transformer took 10 ms a certificate.
        String date = java.time.format.DateTimeFormatter.ISO_INSTANT.format(now.toInstant());
        String xmp = XMP.replace("{title}", xml(info.getTitle())).replace("{author}", xml(info.getAuthor()))
                .replace("{subject}", xml(info.getSubject())).replace("{language}", xml(locale.toLanguageTag()))
                .replace("{creator}", xml(info.getCreator())).replace("{producer}", xml(info.getProducer()))
                .replace("{date}", date);
        org.apache.pdfbox.pdmodel.common.PDMetadata metadata = new org.apache.pdfbox.pdmodel.common.PDMetadata(doc);
        metadata.importXMPMetadata(xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(metadata);
        org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent intent =
                new org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent(doc, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    /** The XMP packet PDF/A-2a asks for, matching the document information dictionary. */
    private static final String XMP = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdfaid:part>2</pdfaid:part>
            <pdfaid:conformance>A</pdfaid:conformance>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
            <xmp:CreatorTool>{creator}</xmp:CreatorTool>
            <xmp:CreateDate>{date}</xmp:CreateDate>
            <xmp:ModifyDate>{date}</xmp:ModifyDate>
            <pdf:Producer>{producer}</pdf:Producer>
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>""";

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
