package cn.org.cast.dianzan.summary.print;
public final class SummarySheetPdf { public static Rendered render(SummarySheet in) { throw new UnsupportedOperationException(); } }
