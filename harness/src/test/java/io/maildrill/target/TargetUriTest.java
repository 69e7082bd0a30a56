package io.maildrill.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maildrill.net.Endpoint;
import io.maildrill.net.Endpoint.TlsMode;
import io.maildrill.net.TlsSettings;
import org.junit.jupiter.api.Test;

class TargetUriTest {

    private static Target parse(String text) {
        return TargetUri.parse(text, TlsSettings.VERIFY_DEFAULT);
    }

    @Test
    void combinedTargetNamesImapPop3AndLmtpOfOneServer() {
        Target t = parse("dovecot=imap://127.0.0.1:10143,pop3://127.0.0.1:10110,lmtp://127.0.0.1:10024");
        assertThat(t.name()).isEqualTo("dovecot");
        assertThat(t.imap()).contains(new Endpoint("127.0.0.1", 10143, TlsMode.NONE));
        assertThat(t.pop3()).contains(new Endpoint("127.0.0.1", 10110, TlsMode.NONE));
        assertThat(t.delivery()).hasValueSatisfying(d -> {
            assertThat(d.protocol()).isEqualTo(Target.Delivery.Protocol.LMTP);
            assertThat(d.endpoint().port()).isEqualTo(10024);
        });
    }

    @Test
    void tlsModesFollowSchemeAndQuery() {
        assertThat(parse("imaps://127.0.0.1").requireImap()).isEqualTo(new Endpoint("127.0.0.1", 993, TlsMode.IMPLICIT));
        assertThat(parse("imap://127.0.0.1:1143?starttls").requireImap().tls()).isEqualTo(TlsMode.STARTTLS);
        assertThat(parse("pop3s://127.0.0.1").requirePop3()).isEqualTo(new Endpoint("127.0.0.1", 995, TlsMode.IMPLICIT));
        assertThat(parse("pop3://127.0.0.1:1110?stls").requirePop3().tls()).isEqualTo(TlsMode.STARTTLS);
        assertThat(parse("pop3://[::1]:1110").requirePop3().host()).isEqualTo("::1");
    }

    @Test
    void deliveryDomainDefaultsToLocalhostAndCanBeSet() {
        Target plain = parse("pop3://127.0.0.1:1110,lmtp://127.0.0.1:1024");
        assertThat(plain.delivery().orElseThrow().recipient("user1")).isEqualTo("user1@localhost");
        Target named = parse("pop3://127.0.0.1:1110,smtp://127.0.0.1:1025?domain=example.org");
        assertThat(named.delivery().orElseThrow().recipient("user1")).isEqualTo("user1@example.org");
        assertThat(named.delivery().orElseThrow().recipient("bob@other.test")).isEqualTo("bob@other.test");
        assertThat(named.delivery().orElseThrow().endpoint()).isEqualTo(new Endpoint("127.0.0.1", 1025, TlsMode.NONE));
        assertThatThrownBy(() -> parse("pop3://127.0.0.1:1110,lmtp://127.0.0.1:1024?domain=a b"))
                .isInstanceOf(TargetException.class);
    }

    @Test
    void unnamedTargetIsNamedByFirstEndpoint() {
        assertThat(parse("pop3://127.0.0.1:1110").name()).isEqualTo("127.0.0.1_1110");
    }

    @Test
    void badUrisSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("http://127.0.0.1:80")).hasMessageContaining("unknown scheme 'http'");
        assertThatThrownBy(() -> parse("imap://127.0.0.1:143?stls")).hasMessageContaining("unknown option 'stls'");
        assertThatThrownBy(() -> parse("imaps://127.0.0.1:993?starttls")).hasMessageContaining("implicit TLS");
        assertThatThrownBy(() -> parse("lmtp://127.0.0.1:24")).hasMessageContaining("no IMAP or POP3 endpoint");
        assertThatThrownBy(() -> parse("imap:///nohost")).hasMessageContaining("no host");
        assertThatThrownBy(() -> parse("imap://127.0.0.1:99999")).isInstanceOf(TargetException.class)
                .hasMessageContaining("port 99999 is out of range (1..65535)");
        assertThatThrownBy(() -> parse("imap://127.0.0.1:abc")).isInstanceOf(TargetException.class)
                .hasMessageContaining("port 'abc' is not a number");
        assertThatThrownBy(() -> parse("imap://127.0.0.1:143,imap://127.0.0.1:1143")).isInstanceOf(TargetException.class)
                .hasMessageContaining("a second imap:// endpoint ('imap://127.0.0.1:1143')");
        assertThatThrownBy(() -> parse("imap://127.0.0.1:143,pop3://127.0.0.1:110,pop3s://127.0.0.1:995"))
                .hasMessageContaining("a second pop3s:// endpoint");
    }

    @Test
    void describeNeverShowsPasswords() {
        Target t = parse("imap://127.0.0.1:1143").withAccounts(java.util.List.of(new Account("u", "s3cret!", true)));
        assertThat(t.describe()).doesNotContain("s3cret!");
        assertThat(t.toString()).doesNotContain("s3cret!");
        assertThat(t.defaultAccount().toString()).doesNotContain("s3cret!");
    }
}
