package cn.org.cast.dianzan.infra;

/**
 * Marks a construct that groups resources which once sat directly in the stack. {@link DianzanStack} leaves
 * it out of its children's logical ids, so the grouping never replaces a deployed table, bucket, signing key
 * or API (CloudFormation replaces a resource whose logical id changes).
 */
interface KeepsStackLevelIds {
}
