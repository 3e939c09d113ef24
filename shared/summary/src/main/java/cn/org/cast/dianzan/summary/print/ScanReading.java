package cn.org.cast.dianzan.summary.print;
import java.util.*;
public record ScanReading(int pages, List<Optional<SheetMark>> marks) {}
