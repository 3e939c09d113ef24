package cn.org.cast.dianzan.summary.print;

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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;

/** Printed pages as a scanner or a phone gives them back: turned a little, blurred, JPEG-compressed. */
final class Scans {

    static final float DPI = 150;

    private Scans() {
    }

    /** Each page of the PDF rendered in grey at 150 dpi. */
    static List<BufferedImage> pages(Rendered rendered) {
        return java.util.stream.IntStream.rangeClosed(1, rendered.pages())
                .mapToObj(page -> Pdfs.render(rendered.bytes(), page, DPI, ImageType.GRAY)).toList();
    }

    /** The page turned by {@code degrees} about its centre on white paper. */
    static BufferedImage rotated(BufferedImage page, double degrees) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }

    /** The page blurred by a {@code size}×{@code size} box. */
    static BufferedImage blurred(BufferedImage page, int size) {
        float[] box = new float[size * size];
        Arrays.fill(box, 1f / box.length);
        return new ConvolveOp(new Kernel(size, size, box), ConvolveOp.EDGE_NO_OP, null).filter(page, null);
    }

    /** A PDF of A4 pages, each one full-page JPEG, as a scanner makes it. */
    static byte[] scanPdf(List<byte[]> jpegs) {
        try (PDDocument document = new PDDocument()) {
            for (byte[] jpeg : jpegs) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject image = JPEGFactory.createFromByteArray(document, jpeg);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    out.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
