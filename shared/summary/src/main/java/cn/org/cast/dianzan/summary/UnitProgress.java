package cn.org.cast.dianzan.summary;

/**
 * A recommending unit's way to a complete submission (提交成功), step by step. Computed from the data
 * on every read, never stored, so it cannot disagree with the ledger, the cases or the sheets.
 */
public enum UnitProgress {
    NO_CASES(1, "尚无案例", "请将推荐码提供给案例实施单位，由其录入并提交案例"),
    CASES_SUBMITTED(2, "已有案例提交，尚未推荐", "请审核实施单位提交的案例，并在限额内推荐"),
    RECOMMENDED(3, "已推荐，待生成汇总表", "请生成并下载汇总表，打印后加盖公章"),
    AWAITING_STAMP(4, "已生成汇总表，待上传盖章扫描件", "请将加盖公章的汇总表扫描后上传"),
    COMPLETE(5, "提交成功", "推荐材料已提交成功，可下载回执");

    private final int step;
    private final String label;
    private final String nextStep;

    UnitProgress(int step, String label, String nextStep) {
        this.step = step;
        this.label = label;
        this.nextStep = nextStep;
    }

    public int step() {
        return step;
    }

    public String label() {
        return label;
    }

    public String nextStep() {
        return nextStep;
    }
}
