package io.maildrill.corpus;

/**
 * A mailbox as it appears in From or To: the decoded display name and the address.
 *
 * @param displayName decoded (Unicode) display name, never null (may be empty)
 * @param address     {@code local@domain}, ASCII
 */
public record Address(String displayName, String address) {

    public Address {
        if (displayName == null || address == null || address.indexOf('@') < 1) {
            throw new IllegalArgumentException("address: '" + address + "' (expected: local@domain)");
        }
    }

    /** The local part (before the '@'), as IMAP ENVELOPE reports it. */
    public String localPart() {
        return address.substring(0, address.indexOf('@'));
    }

    /** The domain (after the '@'), as IMAP ENVELOPE reports it. */
    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }
}
