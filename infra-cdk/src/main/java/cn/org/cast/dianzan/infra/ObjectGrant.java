package cn.org.cast.dianzan.infra;

import java.util.List;

/**
 * S3 object actions one function may call in the media bucket, only on keys under the given prefixes
 * ({@code pending/} reads as {@code arn:<partition>:s3:::<bucket>/pending/*}). No bucket-level action, no
 * action wildcard, no grant on the whole bucket: a prefix is one or more path segments ending in "/".
 * template.yaml's Policies say the same.
 */
public record ObjectGrant(List<String> keyPrefixes, List<Action> actions) {

    /** The S3 API calls on objects our functions make; HeadObject and CopyObject need no action of their own. */
    public enum Action {
        /** PutObject, a presigned PUT, and CopyObject's destination. */
        PUT_OBJECT("PutObject"),
        /** GetObject, HeadObject, a presigned GET, and CopyObject's source. */
        GET_OBJECT("GetObject"),
        DELETE_OBJECT("DeleteObject"),
        ABORT_MULTIPART_UPLOAD("AbortMultipartUpload"),
        LIST_MULTIPART_UPLOAD_PARTS("ListMultipartUploadParts");

        private final String operation;

        Action(String operation) {
            this.operation = operation;
        }

        public String iamAction() {
            return "s3:" + operation;
        }
    }

    public ObjectGrant {
        keyPrefixes = List.copyOf(keyPrefixes);
        actions = List.copyOf(actions);
        if (keyPrefixes.isEmpty() || actions.isEmpty()) {
            throw new IllegalArgumentException("an object grant names its prefixes and actions");
        }
        for (String prefix : keyPrefixes) {
            if (!prefix.matches("([a-z0-9][a-z0-9-]*/)+")) {
                throw new IllegalArgumentException("not a key prefix (segments ending in '/'): " + prefix);
            }
        }
    }

    public static ObjectGrant inMediaBucket(List<String> keyPrefixes, Action... actions) {
        return new ObjectGrant(keyPrefixes, List.of(actions));
    }
}
