package cn.org.cast.dianzan.summary.print;
public final class ReceiptPdf { public static Rendered render(Receipt in) { throw new UnsupportedOperationException(); } }
