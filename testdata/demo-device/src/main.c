/*
 * main.c - IP-200 infusion pump controller: start-up and main control loop.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pump.h"

#define TELEMETRY_PERIOD_MS   5000u
#define OCCLUSION_LIMIT_RAW   180u
#define REPLY_MAX             128u

/* Bench-test console input; no longer declared by C11 <stdio.h>. */
char *gets(char *);

static pump_ctx_t g_pump;

static void pump_ctx_init(pump_ctx_t *ctx)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->state = PUMP_IDLE;
    ctx->alarm = ALARM_NONE;
    ctx->reservoir_ml = 50.0;
    ctx->profile = NULL;
    (void)snprintf(ctx->operator_id, sizeof ctx->operator_id, "%s", "none");
}

static void print_banner(void)
{
    char banner[64];

    (void)snprintf(banner, sizeof banner, "IP-200 infusion controller v%s\r\n", FW_VERSION);
    printf(banner); // expect: MDS-FMT-001
    fflush(stdout);
}

static alarm_t check_sensors(void)
{
    uint8_t raw[4]; /* pressure, air detector, door switch, reservoir level */

    if (hal_sensor_read(raw, sizeof raw) != 0) {
        return ALARM_OCCLUSION; /* sensor bus failure: fail safe */
    }
    if (raw[0] > OCCLUSION_LIMIT_RAW) {
        return ALARM_OCCLUSION;
    }
    if (raw[1] != 0u) {
        return ALARM_AIR_IN_LINE;
    }
    if (raw[2] != 0u) {
        return ALARM_DOOR_OPEN;
    }
    return ALARM_NONE;
}

static void handle_alarm(pump_ctx_t *ctx)
{
    int audible = 1;

    if ((int32_t)(hal_tick_ms() - ctx->silence_until_ms) < 0) {
        audible = 0;
    }

    switch (ctx->alarm) { // expect: MDS-CTL-001
    case ALARM_NONE:
        hal_buzzer_set(0);
        return;
    case ALARM_OCCLUSION:
        dose_stop(ctx);
        log_event(LOG_ERROR, "ALARM occlusion (downstream pressure high)");
        break;
    case ALARM_AIR_IN_LINE:
        dose_stop(ctx);
        log_event(LOG_ERROR, "ALARM air in line");
        break;
    case ALARM_RESERVOIR_EMPTY:
        dose_stop(ctx);
        log_event(LOG_WARN, "ALARM reservoir empty");
        break;
    }
    ctx->state = PUMP_ALARM;
    hal_buzzer_set(audible);
}

static void update_status_led(const pump_ctx_t *ctx)
{
    led_t led;

    switch (ctx->state) {
    case PUMP_RUNNING:
    case PUMP_BOLUS:
        led = LED_GREEN;
        break;
    case PUMP_PAUSED:
        led = LED_AMBER;
        break;
    case PUMP_ALARM:
        led = LED_RED;
        break;
    case PUMP_IDLE:
    default:
        led = LED_OFF;
        break;
    }
    hal_led_set(led);
}

static void bench_mode(pump_ctx_t *ctx)
{
    char line[CMD_LINE_MAX];
    char reply[REPLY_MAX];

    printf("%s\n", "bench mode: enter commands, EOF to quit");
    while (gets(line) != NULL) { // expect: MDS-BAN-001
        reply[0] = '\0';
        (void)cmd_handle_line(ctx, line, reply, sizeof reply);
        printf("%s\n", reply);
    }
}

int main(int argc, char **argv)
{
    char line[CMD_LINE_MAX];
    char reply[REPLY_MAX];
    uint32_t last_tick;
    uint32_t last_tlm;
    alarm_t last_alarm = ALARM_NONE;

    hal_init();
    log_init();
    pump_ctx_init(&g_pump);
    print_banner();
    log_event_v1(LOG_INFO, "boot fw=%s", FW_VERSION);

    if (telemetry_init() != 0) {
        log_event(LOG_WARN, "telemetry unavailable");
    }

    if (argc > 1 && strcmp(argv[1], "--bench") == 0) {
        bench_mode(&g_pump);
        return EXIT_SUCCESS;
    }

    last_tick = hal_tick_ms();
    last_tlm = last_tick;
    for (;;) {
        uint32_t now;
        alarm_t sensed;
        int n = hal_uart_read_line(line, sizeof line);

        if (n < 0) {
            break; /* host link closed */
        }
        if (n > 0) {
            reply[0] = '\0';
            if (cmd_handle_line(&g_pump, line, reply, sizeof reply) != 0) {
                hal_uart_write("ERR ");
            }
            hal_uart_write(reply);
            hal_uart_write("\r\n");
        }

        now = hal_tick_ms();
        sensed = check_sensors();
        if (sensed != ALARM_NONE) {
            g_pump.alarm = sensed;
        }
        dose_tick(&g_pump, now - last_tick);
        last_tick = now;
        if (g_pump.alarm != last_alarm) {
            handle_alarm(&g_pump);
            last_alarm = g_pump.alarm;
        }

        if ((uint32_t)(now - last_tlm) >= TELEMETRY_PERIOD_MS) {
            if (telemetry_send(&g_pump) != 0) {
                log_event(LOG_WARN, "telemetry upload failed");
            }
            last_tlm = now;
        }
        update_status_led(&g_pump);
        hal_watchdog_kick();
    }

    dose_stop(&g_pump);
    log_event(LOG_INFO, "shutdown, delivered %.3f mL", g_pump.delivered_ml);
    dose_profile_free(g_pump.profile);
    return EXIT_SUCCESS;
}
