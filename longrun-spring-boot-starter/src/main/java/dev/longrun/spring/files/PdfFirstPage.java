package dev.longrun.spring.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.util.ClassUtils;

/**
 * The first page of a PDF result as a PNG, drawn by PDFBox from the real file, for the inline preview beside
 * Download. PDFBox is an optional dependency of the starter: without it {@link #available()} is false and PDFs get
 * no picture (their Download stays).
 */
final class PdfFirstPage {

    /** Enough to read the page's headings and see its charts; the file itself is one click away. */
    private static final float DPI = 60f;

    private PdfFirstPage() {
    }

    static boolean available() {
        return ClassUtils.isPresent("org.apache.pdfbox.Loader", PdfFirstPage.class.getClassLoader());
    }

    static byte[] png(InputStream pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.readAllBytes())) {
            if (doc.getNumberOfPages() == 0) {
                throw new IOException("The PDF has no pages");
            }
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
