package cn.org.cast.dianzan.summary.print;
import java.util.*;
public final class ScanReader { public record ScanReading(int pages, List<Optional<SheetMark>> marks) {}
 public static ScanReading read(byte[] b, String t) { throw new UnsupportedOperationException(); } }
