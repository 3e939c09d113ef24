package cn.org.cast.dianzan.summary.print;

import java.util.List;
import java.util.Optional;

/**
 * What a stamped scan says: its page count, and the mark read on each page looked at (the first
 * {@link ScanReader#PAGES_READ}); empty where no code could be read or the code is not a sheet's.
 */
public record ScanReading(int pages, List<Optional<SheetMark>> marks) {

    public ScanReading {
        marks = List.copyOf(marks);
    }
}
