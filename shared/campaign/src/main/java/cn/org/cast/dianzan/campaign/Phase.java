package cn.org.cast.dianzan.campaign;

/** Where the campaign stands at a given instant. */
public enum Phase {
    NOT_OPEN,
    OPEN,
    CLOSED
}
