package cn.org.cast.dianzan.summary.print;
public final class CaseSheetPdf { public static Rendered render(CaseSheet in) { throw new UnsupportedOperationException(); } }
