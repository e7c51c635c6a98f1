package dev.longrun.server.reports;

import dev.longrun.server.NumberWords;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** Renders the contacts report as a PDF with OpenPDF: a summary and one table per section. */
final class ReportPdf {

    static final int SECTIONS = 4;

    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL);
    private static final Font HEAD_CELL = new Font(Font.HELVETICA, 10, Font.BOLD);

    private ReportPdf() {
    }

    /**
     * @param subtitle  who and when ("acme · generated 2026-11-23 15:40 UTC")
     * @param basedOn   a sentence about the export the report depends on, or null
     * @param sectionDone called after each of the {@link #SECTIONS} sections, for sub-progress
     */
    static byte[] render(String title, String subtitle, String basedOn, ContactStats stats, IntConsumer sectionDone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("Longrun");
        document.open();
        document.add(new Paragraph(title, TITLE));
        document.add(new Paragraph(subtitle, BODY));
        if (basedOn != null) {
            document.add(new Paragraph(basedOn, BODY));
        }
        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph("Summary", HEADING));
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("Contacts", stats.contacts);
        summary.put("With an email address", stats.withEmail);
        summary.put("Without an email address", stats.contacts - stats.withEmail);
        summary.put("Without a company", stats.withoutCompany);
        document.add(table(summary, "", "Count"));
        sectionDone.accept(1);
        section(document, "Top companies", ContactStats.top(stats.companies), "Company");
        sectionDone.accept(2);
        section(document, "Top email domains", ContactStats.top(stats.domains), "Domain");
        sectionDone.accept(3);
        section(document, "Contacts added per month", stats.perMonth, "Month");
        sectionDone.accept(4);
        document.close();
        return out.toByteArray();
    }

    private static void section(Document document, String heading, Map<String, Long> rows, String keyHeader) {
        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph(heading, HEADING));
        if (rows.isEmpty()) {
            document.add(new Paragraph("No data.", BODY));
        } else {
            document.add(table(rows, keyHeader, "Contacts"));
        }
    }

    private static PdfPTable table(Map<String, Long> rows, String keyHeader, String valueHeader) {
        PdfPTable table = new PdfPTable(new float[] {3f, 1f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.addCell(cell(keyHeader, HEAD_CELL, Element.ALIGN_LEFT));
        table.addCell(cell(valueHeader, HEAD_CELL, Element.ALIGN_RIGHT));
        rows.forEach((k, v) -> {
            table.addCell(cell(k, BODY, Element.ALIGN_LEFT));
            table.addCell(cell(NumberWords.number(v), BODY, Element.ALIGN_RIGHT));
        });
        return table;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(4);
        return cell;
    }
}
