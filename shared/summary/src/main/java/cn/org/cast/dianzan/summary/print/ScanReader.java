package cn.org.cast.dianzan.summary.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads the QR codes of a stamped summary sheet as uploaded: a PDF (each page rendered at 150 dpi in
 * grey) or a JPEG or PNG photo or scan of one page. Memory stays bounded whatever the file holds:
 * pages are rendered one at a time and at most {@link #PAGES_READ} of them, a page larger than A3 is
 * rendered at a lower resolution, a large image is decoded subsampled, and an image of more than
 * {@link Images#MAX_SOURCE_PIXELS} is refused before it is decoded.
 */
public final class ScanReader {

    /** The pages whose codes are read; a longer scan still counts all its pages. */
    public static final int PAGES_READ = 20;

    private static final float DPI = 150;
    /** An A3 page at 150 dpi. */
    private static final double MAX_PIXELS = 1754.0 * 2480;

    private ScanReader() {
    }

    /**
     * The scan's pages and marks. Throws IllegalArgumentException for a type other than PDF, JPEG and
     * PNG, and for a file that cannot be read as its type (damaged, password-protected, empty).
     */
    public static ScanReading read(byte[] bytes, String contentType) {
        return read(bytes, contentType, PAGES_READ);
    }

    /**
     * The same, reading the codes of at most {@code pagesToRead} pages (at most {@link #PAGES_READ}):
     * a caller expecting a one-page sheet need not search the codes of a twenty-page file to refuse it.
     */
    public static ScanReading read(byte[] bytes, String contentType, int pagesToRead) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(pagesToRead, PAGES_READ));
        return switch (type) {
            case "application/pdf" -> pdf(bytes, limit);
            case "image/jpeg", "image/png" -> image(bytes, type);
            default -> throw new IllegalArgumentException("a scan must be a PDF, JPEG or PNG file, not " + contentType);
        };
    }

    private static ScanReading pdf(byte[] bytes, int pagesToRead) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new IllegalArgumentException("the PDF has no pages");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true); // a 600 dpi scan is decoded at about the resolution rendered
            List<Optional<SheetMark>> marks = new ArrayList<>();
            for (int i = 0; i < Math.min(pages, pagesToRead); i++) {
                PDPage page = document.getPage(i);
                requireBoundedImages(page.getResources(), 0);
                PDRectangle size = page.getCropBox();
                double points = (double) size.getWidth() * size.getHeight();
                float scale = (float) Math.min(DPI / 72, Math.sqrt(MAX_PIXELS / points));
                marks.add(mark(renderer.renderImage(i, scale, ImageType.GRAY)));
            }
            return new ScanReading(pages, marks);
        } catch (InvalidPasswordException e) {
            throw new IllegalArgumentException("the PDF is password-protected", e);
        } catch (IOException | RuntimeException e) {
            // A damaged PDF fails inside PDFBox in many ways (a page count it does not hold, a broken stream).
            throw e instanceof IllegalArgumentException iae ? iae
                    : new IllegalArgumentException("the file cannot be read as a PDF: " + e.getMessage(), e);
        }
    }

    /**
     * PDFBox decodes an image whole before subsampling it, so an image that declares more than
     * {@link Images#MAX_SOURCE_PIXELS} (its dictionary says so; nothing is decoded to know) is refused,
     * in the page and in the forms it draws, a few levels deep.
     */
    private static void requireBoundedImages(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 3) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image
                    && (long) image.getWidth() * image.getHeight() > Images.MAX_SOURCE_PIXELS) {
                throw new IllegalArgumentException("the PDF holds an image of " + image.getWidth() + " × "
                        + image.getHeight() + " pixels");
            }
            if (object instanceof PDFormXObject form) {
                requireBoundedImages(form.getResources(), depth + 1);
            }
        }
    }

    private static ScanReading image(byte[] bytes, String type) {
        try {
            BufferedImage image = Images.decode(bytes,
                    (width, height) -> (int) Math.ceil(Math.sqrt((double) width * height / MAX_PIXELS)));
            return new ScanReading(1, List.of(mark(image)));
        } catch (IOException e) {
            throw new IllegalArgumentException("the file cannot be read as " + type + ": " + e.getMessage(), e);
        }
    }

    private static Optional<SheetMark> mark(BufferedImage page) {
        return QrCodes.read(page).flatMap(SheetMark::parse);
    }
}
