/**
 * The printed sheets: a case's information sheet, the recommending unit's summary sheet with its
 * verification code and QR code, the stamped scan read back and checked against the data, and the
 * receipt of a complete submission. PDFBox, POI, ZXing and the font are used here only.
 */
package cn.org.cast.dianzan.summary;
