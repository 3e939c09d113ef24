package cn.org.cast.dianzan.local;

/** The local system cannot start or serve; the message tells the newcomer what to do. */
class LocalSystemException extends RuntimeException {

    LocalSystemException(String message) {
        super(message);
    }

    LocalSystemException(String message, Throwable cause) {
        super(message, cause);
    }
}
