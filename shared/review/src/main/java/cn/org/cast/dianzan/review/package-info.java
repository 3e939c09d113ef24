/**
 * A recommending unit's work on the cases under its code: review (approve, return for changes with
 * comments on fields, reject), recommendation within its quota (the campaign's ledger decides), the
 * places it has left, its review inbox and each case's history.
 */
package cn.org.cast.dianzan.review;
