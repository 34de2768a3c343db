package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    // The example of the Standard Webhooks specification (and its reference libraries' tests).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signatureIsTheHmacOfIdTimestampAndBodyKeyedWithTheDecodedSecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((ID + "." + TIMESTAMP + "." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignatures.sign(ID, TIMESTAMP, BODY, List.of(SECRET))).isEqualTo(expected)
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(WebhookSignatures.sign(ID, TIMESTAMP, BODY, List.of(SECRET))).isEqualTo(new Webhook(SECRET).sign(ID, TIMESTAMP, BODY));
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() throws Exception {
        String fresh = WebhookSecret.generate();
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> headers = WebhookSignatures.headers(ID, now, BODY, List.of(fresh, SECRET));

        assertThat(headers.get("webhook-signature").split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        Map<String, List<String>> asReceived = Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(headers.get("webhook-signature")));
        new Webhook(fresh).verify(BODY, asReceived);
        new Webhook(SECRET).verify(BODY, asReceived);
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate()).verify(BODY, asReceived)).isNotNull();
    }

    @Test
    void generatedSecretIsWhsecAndThirtyTwoRandomBytes() {
        String secret = WebhookSecret.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSecret.key(secret)).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
    }

    @Test
    void internalAddressesAreRefusedUnlessTheirNetworkIsAllowed() throws Exception {
        Networks none = new Networks(List.of());
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "::1", "fe80::1", "fd00::1", "224.0.0.1")) {
            assertThat(none.refusal(java.net.InetAddress.getByName(internal))).as(internal).isNotNull();
        }
        assertThat(none.refusal(java.net.InetAddress.getByName("20.190.160.1"))).isNull();
        Networks internalAllowed = new Networks(List.of("10.20.0.0/16"));
        assertThat(internalAllowed.refusal(java.net.InetAddress.getByName("10.20.5.6"))).isNull();
        assertThat(internalAllowed.refusal(java.net.InetAddress.getByName("10.21.5.6"))).isNotNull();
    }
}
