package io.maildrill.load;

/**
 * What the load oracle checks in every response, each with the catalog ID and the RFC text it
 * rests on. All are MUSTs: a violation is a server bug, whatever the load. The IMAP rules are
 * {@link SessionOracle}'s, the POP3 ones (prefixed {@code POP3_}) {@link Pop3Oracle}'s.
 */
public enum OracleRule {
    EXISTS_NEVER_SHRINKS("I34", "RFC 3501 §5.2",
            "EXISTS never lowers the message count; only EXPUNGE does"),
    EXPUNGE_NAMES_A_MESSAGE("I33", "RFC 3501 §7.4.1",
            "an EXPUNGE names a message the session was told of"),
    FETCH_NAMES_A_MESSAGE("I33", "RFC 3501 §7.4.2",
            "a FETCH response names a message the session was told of"),
    UID_NEVER_CHANGES("I22", "RFC 3501 §2.3.1.1",
            "the UID of a sequence number does not change until an EXPUNGE moves it"),
    UIDS_ASCEND("I21", "RFC 3501 §2.3.1.1",
            "UIDs strictly ascend with sequence numbers"),
    STATIC_ITEMS_UNCHANGED("I22", "RFC 3501 §2.3.1.1",
            "mailbox, UIDVALIDITY and UID always name the same message: its RFC822.SIZE and ENVELOPE never change"),
    SIZE_MATCHES_BODY("I53", "RFC 3501 §2.3.4",
            "RFC822.SIZE is the exact octet count of BODY[]"),
    BODY_INTACT("L5", "RFC 3501 §2.3.1.1",
            "the BODY[] of a corpus message hashes to the value its X-Maildrill-Body-SHA256 header carries"),
    NO_EXPUNGE_DURING_FETCH_STORE_SEARCH("I44", "RFC 3501 §7.4.1",
            "no EXPUNGE while responding to FETCH, STORE or SEARCH"),
    NO_EXPUNGE_WITHOUT_COMMAND("I44", "RFC 3501 §7.4.1",
            "no EXPUNGE when no command is in progress"),
    POP3_STAT_MATCHES_LIST("P23", "RFC 1939 §5 (STAT, LIST)",
            "STAT's count and octets are the number of messages LIST gives and the sum of their sizes (one session, before any DELE)"),
    POP3_SIZE_MATCHES_RETR("P23", "RFC 1939 §5 (LIST), §11",
            "LIST's size of a message is the exact octet count of its RETR content"),
    POP3_DELETED_NOT_LISTED("P26", "RFC 1939 §5 (DELE), §7 (UIDL)",
            "a message the session marked deleted is in none of its later LIST or UIDL listings"),
    POP3_BODY_INTACT("L5", "RFC 1939 §5 (RETR)",
            "the RETR of a corpus message hashes to the value its X-Maildrill-Body-SHA256 header carries"),
    POP3_QUIT_REMOVES_MARKED("P29", "RFC 1939 §6",
            "after a QUIT answered +OK, no session that logs in later is given a message that QUIT removed"),
    POP3_DROP_REMOVES_NOTHING("P31", "RFC 1939 §6",
            "a session that ends without QUIT removes nothing: the next session lists what it had marked");

    private final String catalogId;
    private final String section;
    private final String text;

    OracleRule(String catalogId, String section, String text) {
        this.catalogId = catalogId;
        this.section = section;
        this.text = text;
    }

    public String catalogId() {
        return catalogId;
    }

    public String section() {
        return section;
    }

    public String text() {
        return text;
    }

    /** The protocol whose sessions the rule judges: a run's report lists the rules of its personas' protocols. */
    public LoadProfile.Protocol protocol() {
        return name().startsWith("POP3_") ? LoadProfile.Protocol.POP3 : LoadProfile.Protocol.IMAP;
    }

    /** The rule's name in reports: lower case with dashes, e.g. {@code exists-never-shrinks}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
