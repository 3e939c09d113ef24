package cn.org.cast.dianzan.accounts;

import java.time.Instant;

/**
 * An organisation's seat in the system: a recommending unit, an implementing organisation, or one
 * admin. It owns what the unit did (its code binding, its cases), so colleagues share it and a
 * handover changes only {@code contactPersonId}; the history stays with the account.
 */
public record Account(String accountId, AccountType type, String contactPersonId, Instant createdAt, long version) {

    public Account withContact(String personId) {
        return new Account(accountId, type, personId, createdAt, version + 1);
    }
}
