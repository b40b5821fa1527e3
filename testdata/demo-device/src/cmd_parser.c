/*
 * cmd_parser.c - host/service serial command interpreter.
 *
 * Line format: KEYWORD [ARGS]; several commands may be chained with ';'.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pump.h"

#define DIAG_CMD_MAX      96u
#define PIN_MAX           16u
#define PIN_MIN_LEN       6u
#define SILENCE_MAX_MIN   2
#define STATUS_MIN_LEN    96u

typedef int (*cmd_fn)(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len);

typedef struct {
    const char *keyword;
    int         needs_auth;
    cmd_fn      fn;
} cmd_entry_t;

static const char service_password[] = "pump-svc-2019"; // expect: MDS-SEC-001

static int g_service_mode;

static int parse_double(const char *s, double *out)
{
    char *end = NULL;
    double v;

    if (s == NULL || *s == '\0') {
        return -1;
    }
    errno = 0;
    v = strtod(s, &end);
    if (end == s || errno == ERANGE) {
        return -1;
    }
    while (*end == ' ') {
        end++;
    }
    if (*end != '\0') {
        return -1;
    }
    *out = v;
    return 0;
}

static int parse_long(const char *s, long min, long max, long *out)
{
    char *end = NULL;
    long v;

    if (s == NULL || *s == '\0') {
        return -1;
    }
    errno = 0;
    v = strtol(s, &end, 10);
    if (end == s || errno == ERANGE || v < min || v > max) {
        return -1;
    }
    while (*end == ' ') {
        end++;
    }
    if (*end != '\0') {
        return -1;
    }
    *out = v;
    return 0;
}

/* Compare the PIN against the hash provisioned in flash at manufacture. */
static int verify_operator_pin(const char *pin)
{
    uint8_t stored[FLASH_PW_HASH_LEN];
    uint8_t entered[FLASH_PW_HASH_LEN];
    uint8_t diff = 0u;
    size_t i;

    if (hal_flash_read(FLASH_ADDR_PW_HASH, stored, sizeof stored) != 0) {
        return 0;
    }
    if (crypto_hash_pin(pin, entered, sizeof entered) != 0) {
        return 0;
    }
    for (i = 0u; i < sizeof stored; i++) {
        diff |= (uint8_t)(stored[i] ^ entered[i]);
    }
    return diff == 0u;
}

static int cmd_rate(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    double rate = atof(arg); // expect: MDS-BAN-005

    if (dose_set_rate(ctx, rate) != 0) {
        (void)snprintf(reply, reply_len, "RATE REJECTED");
        return -1;
    }
    (void)snprintf(reply, reply_len, "RATE %.2f OK", rate);
    return 0;
}

static int cmd_bolus(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    double vol;
    int rc;

    if (parse_double(arg, &vol) != 0) {
        (void)snprintf(reply, reply_len, "BOLUS BAD ARG");
        return -1;
    }
    rc = dose_request_bolus(ctx, vol);
    if (rc != 0) {
        (void)snprintf(reply, reply_len, "BOLUS DENIED (%d)", rc);
        return -1;
    }
    (void)snprintf(reply, reply_len, "BOLUS %.2f mL STARTED", vol);
    return 0;
}

static int cmd_stop(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    (void)arg;
    dose_stop(ctx);
    log_event(LOG_INFO, "stopped by %s", ctx->operator_id);
    (void)snprintf(reply, reply_len, "STOPPED");
    return 0;
}

static int cmd_status(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    (void)arg;
    if (reply_len < STATUS_MIN_LEN) {
        return -1;
    }
    sprintf(reply, "STATE=%d RATE=%.2f DELIV=%.3f RES=%.1f", (int)ctx->state, ctx->rate_ml_h, ctx->delivered_ml, ctx->reservoir_ml); // expect: MDS-BAN-003
    if (ctx->alarm != ALARM_NONE) {
        strcat(reply, " ALARM"); // expect: MDS-BAN-002
    }
    return 0;
}

static int cmd_version(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    (void)ctx;
    (void)arg;
    (void)snprintf(reply, reply_len, "IP-200 FW %s", FW_VERSION);
    return 0;
}

static int cmd_login(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    char pw[PIN_MAX];

    if (sscanf(arg, "%s", pw) != 1) { // expect: MDS-BAN-004
        (void)snprintf(reply, reply_len, "LOGIN BAD ARG");
        return -1;
    }
    if (strcmp(pw, "letmein") == 0) { // expect: MDS-SEC-001
        ctx->authenticated = 1;
        (void)snprintf(reply, reply_len, "LOGIN OK");
        return 0;
    }
    if (verify_operator_pin(pw)) {
        ctx->authenticated = 1;
        log_event(LOG_INFO, "operator login");
        (void)snprintf(reply, reply_len, "LOGIN OK");
        return 0;
    }
    ctx->authenticated = 0;
    log_event(LOG_WARN, "login failure");
    (void)snprintf(reply, reply_len, "LOGIN FAILED");
    return -1;
}

static int cmd_oper(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    char id[OPERATOR_ID_MAX];

    if (sscanf(arg, "%15s", id) != 1) {
        (void)snprintf(reply, reply_len, "OPER BAD ARG");
        return -1;
    }
    strcpy(ctx->operator_id, id); // expect: MDS-BAN-002
    log_event(LOG_INFO, "operator %s", ctx->operator_id);
    (void)snprintf(reply, reply_len, "OPER %s", ctx->operator_id);
    return 0;
}

static int cmd_silence(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    int minutes = atoi(arg); // expect: MDS-BAN-005

    if (minutes <= 0 || minutes > SILENCE_MAX_MIN) {
        (void)snprintf(reply, reply_len, "SILENCE 1..%d MIN", SILENCE_MAX_MIN);
        return -1;
    }
    ctx->silence_until_ms = hal_tick_ms() + (uint32_t)minutes * 60000u;
    hal_buzzer_set(0);
    (void)snprintf(reply, reply_len, "SILENCED %d MIN", minutes);
    return 0;
}

static int cmd_last(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    (void)ctx;
    (void)arg;
    return log_latest(reply, reply_len);
}

static int cmd_log(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    size_t len = 0u;
    char *dump;

    (void)ctx;
    (void)arg;
    dump = log_export(&len);
    if (dump == NULL) {
        (void)snprintf(reply, reply_len, "LOG UNAVAILABLE");
        return -1;
    }
    hal_uart_write(dump);
    free(dump);
    (void)snprintf(reply, reply_len, "LOG %zu BYTES", len);
    return 0;
}

static int cmd_profile(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    long n;

    if (parse_long(arg, 1L, LONG_MAX, &n) != 0) {
        (void)snprintf(reply, reply_len, "PROFILE BAD ARG");
        return -1;
    }
    ctx->profile_active = 0;
    dose_profile_free(ctx->profile);
    ctx->profile = dose_profile_create((size_t)n);
    if (ctx->profile == NULL) {
        (void)snprintf(reply, reply_len, "PROFILE NO MEMORY");
        return -1;
    }
    (void)snprintf(reply, reply_len, "PROFILE READY (%ld STEPS)", n);
    return 0;
}

static int cmd_step(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    profile_step_t step;
    char *end = NULL;
    long dur;
    double rate;

    if (ctx->profile == NULL || ctx->profile_active) {
        (void)snprintf(reply, reply_len, "STEP NO PROFILE");
        return -1;
    }
    errno = 0;
    dur = strtol(arg, &end, 10);
    if (end == arg || errno == ERANGE || dur <= 0L || dur > 86400L) {
        (void)snprintf(reply, reply_len, "STEP BAD DURATION");
        return -1;
    }
    if (parse_double(end, &rate) != 0 || !(rate >= RATE_MIN_ML_H && rate <= RATE_MAX_ML_H)) {
        (void)snprintf(reply, reply_len, "STEP BAD RATE");
        return -1;
    }
    step.duration_s = (uint32_t)dur;
    step.rate_ml_h = rate;
    if (dose_profile_append(ctx->profile, &step) != 0) {
        (void)snprintf(reply, reply_len, "STEP PROFILE FULL");
        return -1;
    }
    (void)snprintf(reply, reply_len, "STEP %zu OK", ctx->profile->count);
    return 0;
}

static int cmd_runprof(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    (void)arg;
    if (dose_profile_start(ctx) != 0) {
        (void)snprintf(reply, reply_len, "RUNPROF FAILED");
        return -1;
    }
    (void)snprintf(reply, reply_len, "RUNPROF OK");
    return 0;
}

static int cmd_service(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    char pw[PIN_MAX];

    (void)ctx;
    if (sscanf(arg, "%15s", pw) != 1 || strcmp(pw, service_password) != 0) {
        g_service_mode = 0;
        log_event(LOG_WARN, "service login failure");
        (void)snprintf(reply, reply_len, "SERVICE DENIED");
        return -1;
    }
    g_service_mode = 1;
    log_event(LOG_WARN, "service mode entered");
    (void)snprintf(reply, reply_len, "SERVICE MODE");
    return 0;
}

static int cmd_setpin(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    char pin[PIN_MAX];
    uint8_t hash[FLASH_PW_HASH_LEN];

    (void)ctx;
    if (!g_service_mode) {
        (void)snprintf(reply, reply_len, "SETPIN DENIED");
        return -1;
    }
    if (sscanf(arg, "%15s", pin) != 1 || strlen(pin) < PIN_MIN_LEN) {
        (void)snprintf(reply, reply_len, "SETPIN BAD ARG");
        return -1;
    }
    if (crypto_hash_pin(pin, hash, sizeof hash) != 0 ||
        hal_flash_write(FLASH_ADDR_PW_HASH, hash, sizeof hash) != 0) {
        memset(pin, 0, sizeof pin); // expect: MDS-SEC-002
        (void)snprintf(reply, reply_len, "SETPIN FAILED");
        return -1;
    }
    memset(pin, 0, sizeof pin); // expect: MDS-SEC-002
    log_event(LOG_WARN, "operator PIN changed");
    (void)snprintf(reply, reply_len, "SETPIN OK");
    return 0;
}

static int cmd_diag(pump_ctx_t *ctx, const char *arg, char *reply, size_t reply_len)
{
    char cmd[DIAG_CMD_MAX];
    int n;
    int rc;

    (void)ctx;
    if (!g_service_mode) {
        (void)snprintf(reply, reply_len, "DIAG DENIED");
        return -1;
    }
    n = snprintf(cmd, sizeof cmd, "/opt/ip200/bin/pumpdiag %s", arg);
    if (n < 0 || (size_t)n >= sizeof cmd) {
        (void)snprintf(reply, reply_len, "DIAG TOO LONG");
        return -1;
    }
    rc = system(cmd); // expect: MDS-INJ-001
    (void)snprintf(reply, reply_len, "DIAG RC=%d", rc);
    return (rc == 0) ? 0 : -1;
}

static const cmd_entry_t g_commands[] = {
    { "RATE",    1, cmd_rate    },
    { "BOLUS",   1, cmd_bolus   },
    { "STOP",    0, cmd_stop    },
    { "STATUS",  0, cmd_status  },
    { "VERSION", 0, cmd_version },
    { "LOGIN",   0, cmd_login   },
    { "OPER",    1, cmd_oper    },
    { "SILENCE", 0, cmd_silence },
    { "LAST",    0, cmd_last    },
    { "LOG",     1, cmd_log     },
    { "PROFILE", 1, cmd_profile },
    { "STEP",    1, cmd_step    },
    { "RUNPROF", 1, cmd_runprof },
    { "SERVICE", 0, cmd_service },
    { "SETPIN",  0, cmd_setpin  },
    { "DIAG",    0, cmd_diag    },
};

static int dispatch(pump_ctx_t *ctx, char *cmd, char *reply, size_t reply_len)
{
    size_t i;
    char *arg;

    while (*cmd == ' ') {
        cmd++;
    }
    if (*cmd == '\0') {
        reply[0] = '\0';
        return 0;
    }
    arg = strchr(cmd, ' ');
    if (arg != NULL) {
        *arg++ = '\0';
        while (*arg == ' ') {
            arg++;
        }
    } else {
        arg = cmd + strlen(cmd);
    }

    for (i = 0u; i < sizeof g_commands / sizeof g_commands[0]; i++) {
        if (strcmp(cmd, g_commands[i].keyword) != 0) {
            continue;
        }
        if (g_commands[i].needs_auth && !ctx->authenticated) {
            (void)snprintf(reply, reply_len, "%s DENIED: LOGIN REQUIRED", cmd);
            return -1;
        }
        return g_commands[i].fn(ctx, arg, reply, reply_len);
    }
    log_event(LOG_WARN, "unknown command '%.16s'", cmd);
    (void)snprintf(reply, reply_len, "UNKNOWN %.16s", cmd);
    return -1;
}

static char *dup_line(const char *line)
{
    size_t n = strlen(line) + 1u;
    char *copy = malloc(n);

    memcpy(copy, line, n); // expect: MDS-MEM-004
    return copy;
}

int cmd_handle_line(pump_ctx_t *ctx, const char *line, char *reply, size_t reply_len)
{
    char *work;
    char *next;
    int rc;

    if (ctx == NULL || line == NULL || reply == NULL || reply_len == 0u) {
        return -1;
    }
    if (strlen(line) >= CMD_LINE_MAX) {
        (void)snprintf(reply, reply_len, "LINE TOO LONG");
        return -1;
    }
    work = dup_line(line);
    if (work == NULL) {
        return -1;
    }
    log_event(LOG_INFO, work); // expect: MDS-FMT-001

    next = strchr(work, ';');
    if (next != NULL) {
        *next++ = '\0';
    }
    rc = dispatch(ctx, work, reply, reply_len);
    if (rc == 0 && next != NULL && *next != '\0') {
        rc = cmd_handle_line(ctx, next, reply, reply_len); // expect: MDS-CTL-003
    }
    free(work);
    return rc;
}
