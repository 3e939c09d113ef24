package cn.org.cast.dianzan.media;

/** Width and height in pixels of an image as a viewer shows it, EXIF orientation applied. */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an image has a positive width and height: " + width + "x" + height);
        }
    }

    /** Wider than tall; a square is neither landscape nor portrait. */
    public boolean landscape() {
        return width > height;
    }

    /** Taller than wide; a square is neither landscape nor portrait. */
    public boolean portrait() {
        return height > width;
    }
}
