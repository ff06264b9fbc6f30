package org.encounter.certificates;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * The certificate's logical structure, so a screen reader reads it in order (PDF/A-2a): a Document of a heading and
 * paragraphs, the QR code as a figure with its alternative text, and the decorative band as an artifact. Each piece
 * of drawn content is wrapped in marked content whose id the structure element points to.
 */
final class CertificateStructure {

    private final PDPage page;
    private final PDPageContentStream content;
    private final PDStructureElement document;
    private final List<PDStructureElement> byMarkedContentId = new ArrayList<>();
    private final PDStructureTreeRoot root = new PDStructureTreeRoot();

    CertificateStructure(PDDocument doc, PDPage page, PDPageContentStream content, Locale locale) {
        this.page = page;
        this.content = content;
        doc.getDocumentCatalog().setStructureTreeRoot(root);
        PDMarkInfo marked = new PDMarkInfo();
        marked.setMarked(true);
        doc.getDocumentCatalog().setMarkInfo(marked);
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        document.setLanguage(locale.toLanguageTag());
        root.appendKid(document);
        page.setStructParents(0);
    }

    /** Draws something that is only decoration: readers skip it. */
    void artifact(Drawing drawing) throws IOException {
        content.beginMarkedContent(COSName.ARTIFACT);
        drawing.draw();
        content.endMarkedContent();
    }

    /** Draws one element of the text: a heading (H1, H2) or a paragraph (P). */
    void element(String type, Drawing drawing) throws IOException {
        mark(new PDStructureElement(type, document), type, drawing);
    }

    /** Draws a figure, which readers announce with {@code alternative}. */
    void figure(String alternative, Drawing drawing) throws IOException {
        PDStructureElement figure = new PDStructureElement(StandardStructureTypes.Figure, document);
        figure.setAlternateDescription(alternative);
        mark(figure, StandardStructureTypes.Figure, drawing);
    }

    private void mark(PDStructureElement element, String type, Drawing drawing) throws IOException {
        int id = byMarkedContentId.size();
        element.setPage(page);
        element.appendKid(id);
        document.appendKid(element);
        byMarkedContentId.add(element);
        content.beginMarkedContent(COSName.getPDFName(type), id);
        drawing.draw();
        content.endMarkedContent();
    }

    /** Links the page's marked content back to its elements (the parent tree); call once all is drawn. */
    void finish() {
        COSArray elements = new COSArray();
        byMarkedContentId.forEach(e -> elements.add(e.getCOSObject()));
        COSArray nums = new COSArray();
        nums.add(COSInteger.ZERO);
        nums.add(elements);
        COSDictionary tree = new COSDictionary();
        tree.setItem(COSName.NUMS, nums);
        root.setParentTree(new PDNumberTreeNode(tree, COSDictionary.class));
        root.setParentTreeNextKey(1);
    }

    @FunctionalInterface
    interface Drawing {
        void draw() throws IOException;
    }
}
