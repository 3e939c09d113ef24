package cn.org.cast.dianzan.infra;

/** The system's DynamoDB tables, named as template.yaml names them. */
public enum StoredTable {
    MAIN("MainTable"),
    AUDIT("AuditTable");

    private final String logicalId;

    StoredTable(String logicalId) {
        this.logicalId = logicalId;
    }

    public String logicalId() {
        return logicalId;
    }
}
