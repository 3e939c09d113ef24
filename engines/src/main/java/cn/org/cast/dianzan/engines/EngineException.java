package cn.org.cast.dianzan.engines;

/** A local engine could not be found, started or provisioned; the message says what to do. */
public class EngineException extends RuntimeException {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
