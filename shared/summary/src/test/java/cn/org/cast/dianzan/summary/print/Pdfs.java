package cn.org.cast.dianzan.summary.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a generated PDF holds, read back with PDFBox as a viewer or a search engine would. */
final class Pdfs {

    private Pdfs() {
    }

    /** The text of the pages from {@code first} to {@code last} (1-based). */
    static String text(byte[] pdf, int first, int last) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(first);
            stripper.setEndPage(last);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        return text(pdf, 1, Integer.MAX_VALUE);
    }

    /** The text without its white space, where lines were broken and cells ended. */
    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The names of the fonts of every page. */
    static List<String> fontNames(byte[] pdf) {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    names.add(font.getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** How many image XObjects the page (1-based) draws. */
    static int images(byte[] pdf, int page) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(page - 1).getResources();
            int images = 0;
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    images++;
                }
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page (1-based) as a scanner in grey or colour would see it. */
    static BufferedImage render(byte[] pdf, int page, float dpi, ImageType type) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(page - 1, dpi, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
