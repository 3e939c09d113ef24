package cn.org.cast.dianzan.infra;

import java.util.List;
import java.util.Optional;

/**
 * DynamoDB actions one function may call on one table, or on one index of it. Each function holds only
 * the grants its repositories need; template.yaml's Policies say the same.
 */
public record TableGrant(StoredTable table, Optional<String> index, List<Action> actions) {

    /** The DynamoDB API calls our repositories make. */
    public enum Action {
        GET_ITEM("GetItem"),
        PUT_ITEM("PutItem"),
        UPDATE_ITEM("UpdateItem"),
        DELETE_ITEM("DeleteItem"),
        BATCH_WRITE_ITEM("BatchWriteItem"),
        QUERY("Query");

        private final String operation;

        Action(String operation) {
            this.operation = operation;
        }

        public String iamAction() {
            return "dynamodb:" + operation;
        }
    }

    public TableGrant {
        actions = List.copyOf(actions);
    }

    public static TableGrant on(StoredTable table, Action... actions) {
        return new TableGrant(table, Optional.empty(), List.of(actions));
    }

    /** Queries through a global secondary index; an index serves nothing else. */
    public static TableGrant queryIndex(StoredTable table, String index) {
        return new TableGrant(table, Optional.of(index), List.of(Action.QUERY));
    }
}
