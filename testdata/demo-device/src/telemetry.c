/*
 * telemetry.c - periodic status packets to the hospital gateway.
 *
 * Frame: magic(2) ver(1) flags(1) seq(2) len(2) nonce(8) payload digest trailer(4)
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "pump.h"

#define TLM_MAGIC0       0xA5u
#define TLM_MAGIC1       0x5Au
#define TLM_VERSION      0x02u
#define TLM_HDR_LEN      4u
#define TLM_NONCE_LEN    8u
#define TLM_PAYLOAD_MAX  96u
#define TLM_ETX          0x03u
#define TLM_EOT          0x04u
#define UPLOAD_CMD       "curl -s -X POST --data-binary @- https://gw.ip200.invalid/v2/telemetry"

typedef struct {
    uint8_t  hdr[TLM_HDR_LEN];
    uint16_t seq;
    uint16_t payload_len;
    uint8_t  payload[TLM_PAYLOAD_MAX];
    uint16_t crc;
} telemetry_packet_t;

static char     g_session_token[33];
static uint16_t g_seq;

static uint16_t crc16_ccitt(const uint8_t *data, size_t len)
{
    uint16_t crc = 0xFFFFu;
    size_t i;
    unsigned bit;

    for (i = 0u; i < len; i++) {
        crc ^= (uint16_t)((uint16_t)data[i] << 8);
        for (bit = 0u; bit < 8u; bit++) {
            if ((crc & 0x8000u) != 0u) {
                crc = (uint16_t)((crc << 1) ^ 0x1021u);
            } else {
                crc = (uint16_t)(crc << 1);
            }
        }
    }
    return crc;
}

static void hex_encode(const uint8_t *in, size_t in_len, char *out, size_t out_len)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;

    if (out_len == 0u) {
        return;
    }
    for (i = 0u; i < in_len && (2u * i + 2u) < out_len; i++) {
        out[2u * i] = digits[in[i] >> 4];
        out[2u * i + 1u] = digits[in[i] & 0x0Fu];
    }
    out[2u * i] = '\0';
}

static int digest_buffer(const EVP_MD *md, const uint8_t *data, size_t len,
                         uint8_t *out, unsigned int *out_len)
{
    if (md == NULL) {
        return -1;
    }
    return (EVP_Digest(data, len, out, out_len, md, NULL) == 1) ? 0 : -1;
}

int crypto_hash_pin(const char *pin, uint8_t *out, size_t out_len)
{
    uint8_t md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0u;

    if (pin == NULL || out == NULL || out_len != FLASH_PW_HASH_LEN) {
        return -1;
    }
    if (digest_buffer(EVP_sha256(), (const uint8_t *)pin, strlen(pin), md, &md_len) != 0 ||
        md_len != FLASH_PW_HASH_LEN) {
        return -1;
    }
    memcpy(out, md, FLASH_PW_HASH_LEN);
    return 0;
}

int telemetry_init(void)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;

    srand((unsigned)time(NULL)); // expect: MDS-CRY-001
    for (i = 0u; i + 1u < sizeof g_session_token; i++) {
        g_session_token[i] = digits[rand() % 16]; // expect: MDS-CRY-001
    }
    g_session_token[sizeof g_session_token - 1u] = '\0';
    g_seq = 0u;
    return 0;
}

static int build_packet(telemetry_packet_t *pkt, const pump_ctx_t *ctx)
{
    int n;

    pkt->hdr[0] = TLM_MAGIC0;
    pkt->hdr[1] = TLM_MAGIC1;
    pkt->hdr[2] = TLM_VERSION;
    pkt->hdr[3] = (ctx->alarm != ALARM_NONE) ? 0x01u : 0x00u;
    pkt->seq = g_seq++;

    n = snprintf((char *)pkt->payload, sizeof pkt->payload,
                 "st=%d al=%d r=%.2f d=%.3f res=%.1f lg=%zu op=%s",
                 (int)ctx->state, (int)ctx->alarm, ctx->rate_ml_h,
                 ctx->delivered_ml, ctx->reservoir_ml, log_count(), ctx->operator_id);
    if (n < 0 || (size_t)n >= sizeof pkt->payload) {
        return -1;
    }
    pkt->payload_len = (uint16_t)n;
    pkt->crc = crc16_ccitt(pkt->payload, pkt->payload_len);
    return 0;
}

static int upload_frame(const uint8_t *frame, size_t len)
{
    FILE *pipe = popen(UPLOAD_CMD, "w"); // expect: MDS-INJ-001

    if (pipe == NULL) {
        return -1;
    }
    if (fprintf(pipe, "session=%s\n", g_session_token) < 0 ||
        fwrite(frame, 1u, len, pipe) != len) {
        (void)pclose(pipe);
        return -1;
    }
    return (pclose(pipe) == 0) ? 0 : -1;
}

static int send_frame(const telemetry_packet_t *pkt, const uint8_t *digest, unsigned int digest_len)
{
    size_t frame_len = TLM_HDR_LEN + 4u + TLM_NONCE_LEN + pkt->payload_len + digest_len + 4u;
    uint8_t frame[frame_len]; // expect: MDS-BAN-007
    uint8_t nonce[TLM_NONCE_LEN];
    uint8_t trailer[4]; /* CRC16 (big endian), ETX, EOT */
    size_t off = 0u;

    if (hal_trng_read(nonce, sizeof nonce) != 0) {
        return -1;
    }
    memcpy(frame + off, pkt->hdr, TLM_HDR_LEN);
    off += TLM_HDR_LEN;
    frame[off++] = (uint8_t)(pkt->seq >> 8);
    frame[off++] = (uint8_t)(pkt->seq & 0xFFu);
    frame[off++] = (uint8_t)(pkt->payload_len >> 8);
    frame[off++] = (uint8_t)(pkt->payload_len & 0xFFu);
    memcpy(frame + off, nonce, sizeof nonce);
    off += sizeof nonce;
    memcpy(frame + off, pkt->payload, pkt->payload_len);
    off += pkt->payload_len;
    memcpy(frame + off, digest, digest_len);
    off += digest_len;

    trailer[0] = (uint8_t)(pkt->crc >> 8);
    trailer[1] = (uint8_t)(pkt->crc & 0xFFu);
    trailer[2] = TLM_ETX;
    trailer[3] = TLM_EOT;
    trailer[4] = 0x00u; // expect: MDS-BND-001
    memcpy(frame + off, trailer, sizeof trailer);
    off += sizeof trailer;

    return upload_frame(frame, off);
}

int telemetry_send(const pump_ctx_t *ctx)
{
    telemetry_packet_t *pkt;
    uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int digest_len = 0u;
    char digest_hex[2u * EVP_MAX_MD_SIZE + 1u];
    int rc;

    if (ctx == NULL) {
        return -1;
    }
    pkt = malloc(sizeof *pkt);
    if (pkt == NULL) {
        log_event(LOG_WARN, "telemetry: out of memory");
        return -1;
    }
    memset(pkt, 0, sizeof *pkt);

    if (build_packet(pkt, ctx) != 0) {
        free(pkt);
        return -1;
    }
    if (digest_buffer(EVP_md5(), pkt->payload, pkt->payload_len, digest, &digest_len) != 0) { // expect: MDS-CRY-002
        free(pkt);
        return -1;
    }
    hex_encode(digest, digest_len, digest_hex, sizeof digest_hex);
    log_event(LOG_DEBUG, "tlm %u md %.16s", (unsigned)pkt->seq, digest_hex);

    rc = send_frame(pkt, digest, digest_len);
    free(pkt);
    free(digest_hex); // expect: MDS-MEM-003
    return rc;
}
