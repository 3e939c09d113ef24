package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.core.Caller;

/** The kinds of account. Units choose theirs at registration; admins are made, never self-registered. */
public enum AccountType {
    RECOMMENDER("推荐单位"),
    IMPLEMENTER("案例实施单位"),
    ADMIN("管理员");

    private final String label;

    AccountType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The groups claim: admins carry {@value Caller#ADMIN_GROUP}. */
    public java.util.List<String> groups() {
        return this == ADMIN ? java.util.List.of(Caller.ADMIN_GROUP) : java.util.List.of();
    }
}
