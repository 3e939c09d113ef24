package cn.org.cast.dianzan.functions.summary;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Scans made the way a unit makes them: the printed sheet's pages as a scanner sees them (150 dpi,
 * grey), a little askew and a little blurred if asked, with a red seal stamped where asked, saved as
 * JPEG, or as a PDF of JPEG pages as a scanner's "scan to PDF" writes it.
 */
final class Scans {

    private Scans() {
    }

    /** The pages of a PDF at 150 dpi, turned by {@code degrees} and blurred 3×3 if {@code blur}. */
    static List<BufferedImage> pages(byte[] pdf, double degrees, boolean blur) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            BufferedImage[] pages = new BufferedImage[document.getNumberOfPages()];
            for (int i = 0; i < pages.length; i++) {
                BufferedImage page = renderer.renderImageWithDPI(i, 150, ImageType.RGB);
                pages[i] = blur ? blurred(turned(page, degrees)) : turned(page, degrees);
            }
            return Arrays.asList(pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A red seal over the top right of the page, where the QR code is: the code can no longer be read. */
    static BufferedImage sealedOverCode(BufferedImage page) {
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(200, 20, 20));
        g.fillOval(page.getWidth() - page.getWidth() / 3, 0, page.getWidth() / 3, page.getWidth() / 3);
        g.dispose();
        return page;
    }

    static byte[] jpeg(BufferedImage page) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(page, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with one A4 page per image, each a JPEG, as a scanner writes it. */
    static byte[] pdf(List<BufferedImage> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject jpeg = JPEGFactory.createFromImage(document, image, 0.85f);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(jpeg, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage turned(BufferedImage page, double degrees) {
        if (degrees == 0) {
            return page;
        }
        BufferedImage turned = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return turned;
    }

    private static BufferedImage blurred(BufferedImage page) {
        float[] box = new float[9];
        Arrays.fill(box, 1f / 9);
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        return new ConvolveOp(new Kernel(3, 3, box), ConvolveOp.EDGE_NO_OP, null).filter(page, out);
    }
}
