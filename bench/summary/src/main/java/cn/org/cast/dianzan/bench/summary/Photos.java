package cn.org.cast.dianzan.bench.summary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photos as a case's uploads are: JPEGs just under the 1 MB upload limit, here between 0.9 and 1.0 MiB.
 * Drawn with Java2D (a sky and ground in gradients, a sun, a skyline, a crowd of shapes) and grained
 * with per-pixel noise, as a camera's sensor grains a real photo; the JPEG quality is then searched
 * (ImageIO's writer) until the file lands in the band, with more grain if even the best quality
 * falls short. The same seed gives the same photo.
 */
final class Photos {

    /** 0.9 MiB, rounded up, and the 1 MB (1 MiB) upload limit. */
    static final int MIN_BYTES = (int) Math.ceil(0.9 * 1024 * 1024);
    static final int MAX_BYTES = 1024 * 1024;

    /** A generated photo: its JPEG, its size in pixels, and the quality and grain that made it. */
    record Photo(byte[] jpeg, int width, int height, float quality, int grain) {
    }

    private static final int[] GRAINS = {6, 10, 16, 24, 36, 54, 80};

    private Photos() {
    }

    static Photo jpeg(int width, int height, long seed) {
        for (int grain : GRAINS) {
            BufferedImage image = paint(width, height, seed, grain);
            float low = 0.30f;
            float high = 0.98f;
            byte[] best = encode(image, high);
            if (best.length < MIN_BYTES) {
                continue; // too smooth even at the best quality: more grain
            }
            if (best.length <= MAX_BYTES) {
                return new Photo(best, width, height, high, grain);
            }
            if (encode(image, low).length > MAX_BYTES) {
                break; // too grainy even at a poor quality: no band to find
            }
            for (int step = 0; step < 16; step++) {
                float quality = (low + high) / 2;
                byte[] bytes = encode(image, quality);
                if (bytes.length > MAX_BYTES) {
                    high = quality;
                } else if (bytes.length < MIN_BYTES) {
                    low = quality;
                } else {
                    return new Photo(bytes, width, height, quality, grain);
                }
            }
        }
        throw new IllegalStateException("no JPEG quality puts a " + width + "×" + height + " photo between "
                + MIN_BYTES + " and " + MAX_BYTES + " bytes");
    }

    private static BufferedImage paint(int width, int height, long seed, int grain) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int horizon = height * 3 / 5;
        g.setPaint(new GradientPaint(0, 0, new Color(58, 110, 190), 0, horizon, new Color(205, 225, 245)));
        g.fillRect(0, 0, width, horizon);
        g.setPaint(new GradientPaint(0, horizon, new Color(96, 140, 70), 0, height, new Color(120, 92, 60)));
        g.fillRect(0, horizon, width, height - horizon);
        g.setColor(new Color(255, 236, 170));
        int sun = Math.min(width, height) / 8;
        g.fill(new Ellipse2D.Double(width * 0.75, height * 0.08, sun, sun));
        // A skyline on the horizon: buildings with rows of windows.
        for (int x = 0; x < width; ) {
            int w = width / 40 + random.nextInt(width / 16);
            int h = height / 12 + random.nextInt(height / 4);
            int shade = 70 + random.nextInt(90);
            g.setColor(new Color(shade, shade + random.nextInt(20), shade + 10 + random.nextInt(30)));
            g.fillRect(x, horizon - h, w, h);
            g.setColor(new Color(230, 220, 160));
            for (int wy = horizon - h + 8; wy < horizon - 12; wy += 18) {
                for (int wx = x + 6; wx < x + w - 10; wx += 14) {
                    if (random.nextInt(3) > 0) {
                        g.fillRect(wx, wy, 6, 9);
                    }
                }
            }
            x += w + random.nextInt(12);
        }
        // People and things in the foreground: ellipses and strokes of every colour.
        g.setStroke(new BasicStroke(3f));
        for (int i = 0; i < 600; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 120 + random.nextInt(135)));
            double x = random.nextDouble() * width;
            double y = horizon + random.nextDouble() * (height - horizon);
            double size = 10 + random.nextDouble() * height / 14;
            if (random.nextBoolean()) {
                g.fill(new Ellipse2D.Double(x, y, size * 0.6, size));
            } else {
                Path2D.Double path = new Path2D.Double();
                path.moveTo(x, y);
                path.curveTo(x + size, y - size, x + 2 * size, y + size, x + 3 * size, y);
                g.draw(path);
            }
        }
        g.dispose();
        // The sensor's grain: gaussian noise on each channel of each pixel.
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int r = clamp(((p >> 16) & 0xFF) + (int) (random.nextGaussian() * grain));
            int gr = clamp(((p >> 8) & 0xFF) + (int) (random.nextGaussian() * grain));
            int b = clamp((p & 0xFF) + (int) (random.nextGaussian() * grain));
            pixels[i] = (r << 16) | (gr << 8) | b;
        }
        return image;
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    private static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(MAX_BYTES + MAX_BYTES / 2);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
