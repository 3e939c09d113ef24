package cn.org.cast.dianzan.summary.print;
import java.util.*;
public final class ScanReader { public static ScanReading read(byte[] b, String t) { throw new UnsupportedOperationException(); } }
