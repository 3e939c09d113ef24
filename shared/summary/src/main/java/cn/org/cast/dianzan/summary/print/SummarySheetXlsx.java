package cn.org.cast.dianzan.summary.print;
public final class SummarySheetXlsx { public static byte[] render(SummarySheet in) { throw new UnsupportedOperationException(); } }
