package cn.org.cast.dianzan.summary.print;

import cn.org.cast.dianzan.media.ImageHeader;
import cn.org.cast.dianzan.summary.print.Layout.Align;
import cn.org.cast.dianzan.summary.print.Layout.Style;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A case's photo drawn into a box as a viewer shows it: scaled to fit, keeping its aspect ratio, and
 * turned or mirrored as its EXIF orientation says. A JPEG is embedded as uploaded (the PDF carries the
 * same bytes); a PNG is decoded, at most {@link #PNG_LONG_SIDE} pixels on its long side, and shown as
 * stored, as {@link ImageHeader} takes it.
 */
final class Photos {

    /** About 300 dpi across the widest box a photo gets on the sheet. */
    static final int PNG_LONG_SIDE = 1600;

    private Photos() {
    }

    /** Draws the photo centred in the box (x, y its lower left corner); false if its bytes cannot be read. */
    static boolean draw(Layout layout, CaseSheet.Photo photo, float x, float y, float width, float height)
            throws IOException {
        PDImageXObject image;
        int orientation;
        try {
            if ("image/png".equals(photo.contentType())) {
                image = LosslessFactory.createFromImage(layout.document(), decodePng(photo.bytes()));
                orientation = 1;
            } else {
                image = JPEGFactory.createFromByteArray(layout.document(), photo.bytes());
                orientation = ImageHeader.jpegOrientation(photo.bytes());
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        boolean turned = orientation >= 5;
        float seenWidth = turned ? image.getHeight() : image.getWidth();
        float seenHeight = turned ? image.getWidth() : image.getHeight();
        float scale = Math.min(width / seenWidth, height / seenHeight);
        float drawnWidth = seenWidth * scale;
        float drawnHeight = seenHeight * scale;
        PDPageContentStream out = layout.out();
        out.saveGraphicsState();
        out.drawImage(image, placement(orientation, x + (width - drawnWidth) / 2, y + (height - drawnHeight) / 2,
                drawnWidth, drawnHeight));
        out.restoreGraphicsState();
        return true;
    }

    /**
     * The matrix that maps the image's unit square onto the box (x, y, width, height) the photo is seen
     * in, for EXIF orientation 1 to 8. The unit square holds the pixels as stored, first row at the top;
     * orientation 6, say, shows them turned a quarter clockwise, so the stored top row becomes the right
     * edge of the box.
     */
    static Matrix placement(int orientation, float x, float y, float width, float height) {
        return switch (orientation) {
            case 2 -> new Matrix(-width, 0, 0, height, x + width, y);
            case 3 -> new Matrix(-width, 0, 0, -height, x + width, y + height);
            case 4 -> new Matrix(width, 0, 0, -height, x, y + height);
            case 5 -> new Matrix(0, -height, -width, 0, x + width, y + height);
            case 6 -> new Matrix(0, -height, width, 0, x, y + height);
            case 7 -> new Matrix(0, height, width, 0, x, y);
            case 8 -> new Matrix(0, height, -width, 0, x + width, y);
            default -> new Matrix(width, 0, 0, height, x, y);
        };
    }

    /** A dashed box in place of a missing or unreadable photo, the reason in its middle. */
    static void placeholder(Layout layout, String reason, float x, float y, float width, float height)
            throws IOException {
        PDPageContentStream out = layout.out();
        out.saveGraphicsState();
        out.setStrokingColor(0.55f);
        out.setLineWidth(0.6f);
        out.setLineDashPattern(new float[] {3, 2}, 0);
        out.addRect(x, y, width, height);
        out.stroke();
        out.restoreGraphicsState();
        out.setNonStrokingColor(0.45f);
        layout.text(reason, x + width / 2, y + height / 2 - Style.BODY.size() / 3, Style.BODY, Align.CENTER, width);
        out.setNonStrokingColor(0f);
    }

    /** At most {@link #PNG_LONG_SIDE} pixels on its long side (the stored aspect ratio is kept). */
    private static BufferedImage decodePng(byte[] bytes) throws IOException {
        return Images.decode(bytes, (width, height) -> (int) Math.ceil((double) Math.max(width, height) / PNG_LONG_SIDE));
    }
}
