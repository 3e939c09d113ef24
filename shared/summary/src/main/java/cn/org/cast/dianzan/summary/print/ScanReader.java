package cn.org.cast.dianzan.summary.print;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads the QR codes of a stamped summary sheet as uploaded: a PDF (each page rendered at 150 dpi in
 * grey) or a JPEG or PNG photo or scan of one page. Memory stays bounded whatever the file holds:
 * pages are rendered one at a time and at most {@link #PAGES_READ} of them, a page larger than A3 is
 * rendered at a lower resolution, and a large image is decoded subsampled.
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
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/pdf" -> pdf(bytes);
            case "image/jpeg", "image/png" -> image(bytes, type);
            default -> throw new IllegalArgumentException("a scan must be a PDF, JPEG or PNG file, not " + contentType);
        };
    }

    private static ScanReading pdf(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new IllegalArgumentException("the PDF has no pages");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true); // a 600 dpi scan is decoded at about the resolution rendered
            List<Optional<SheetMark>> marks = new ArrayList<>();
            for (int i = 0; i < Math.min(pages, PAGES_READ); i++) {
                PDRectangle size = document.getPage(i).getCropBox();
                double points = (double) size.getWidth() * size.getHeight();
                float scale = (float) Math.min(DPI / 72, Math.sqrt(MAX_PIXELS / points));
                marks.add(mark(renderer.renderImage(i, scale, ImageType.GRAY)));
            }
            return new ScanReading(pages, marks);
        } catch (InvalidPasswordException e) {
            throw new IllegalArgumentException("the PDF is password-protected", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the file cannot be read as a PDF: " + e.getMessage(), e);
        }
    }

    private static ScanReading image(byte[] bytes, String type) {
        return new ScanReading(1, List.of(mark(decode(bytes, type))));
    }

    /** The image, subsampled to at most {@link #MAX_PIXELS}; a damaged file fails in the decoder in many ways. */
    private static BufferedImage decode(byte[] bytes, String type) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no image format recognised");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                int step = Math.max(1, (int) Math.ceil(Math.sqrt(pixels / MAX_PIXELS)));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the file cannot be read as " + type + ": " + e.getMessage(), e);
        }
    }

    private static Optional<SheetMark> mark(BufferedImage page) {
        return QrCodes.read(page).flatMap(SheetMark::parse);
    }
}
