/**
 * Files of a case (photos, award proofs, video, pictures, documents): signed uploads straight to S3,
 * verified on completion (size, magic bytes, image dimensions and orientation) before they count.
 */
package cn.org.cast.dianzan.media;
