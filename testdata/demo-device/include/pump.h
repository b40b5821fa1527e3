/*
 * pump.h - shared definitions for the IP-200 syringe/infusion pump controller.
 */
#ifndef PUMP_H
#define PUMP_H

#include <stddef.h>
#include <stdint.h>

#define FW_VERSION          "2.4.1"

#define CMD_LINE_MAX        64u
#define OPERATOR_ID_MAX     16u
#define LOG_CAPACITY        32u
#define LOG_MSG_MAX         48u

#define RATE_MIN_ML_H       0.1
#define RATE_MAX_ML_H       999.0
#define BOLUS_MAX_ML        10.0
#define BOLUS_RATE_ML_H     600.0
#define BOLUS_LOCKOUT_MS    (15u * 60u * 1000u)
#define STEPS_PER_ML        2400u
#define PROFILE_MAX_STEPS   64u

#define FLASH_SIZE          4096u
#define FLASH_ADDR_SERIAL   0x0000u
#define FLASH_ADDR_PW_HASH  0x0100u
#define FLASH_PW_HASH_LEN   32u

typedef enum {
    PUMP_IDLE = 0,
    PUMP_RUNNING,
    PUMP_BOLUS,
    PUMP_PAUSED,
    PUMP_ALARM
} pump_state_t;

typedef enum {
    ALARM_NONE = 0,
    ALARM_OCCLUSION,
    ALARM_AIR_IN_LINE,
    ALARM_RESERVOIR_EMPTY,
    ALARM_DOOR_OPEN
} alarm_t;

typedef enum {
    LOG_DEBUG = 0,
    LOG_INFO,
    LOG_WARN,
    LOG_ERROR
} log_level_t;

typedef enum {
    LED_OFF = 0,
    LED_GREEN,
    LED_AMBER,
    LED_RED
} led_t;

typedef struct {
    uint32_t duration_s;
    double   rate_ml_h;
} profile_step_t;

typedef struct {
    size_t          count;
    size_t          cap;
    size_t          current;
    uint32_t        step_started_ms;
    profile_step_t *steps;
} rate_profile_t;

typedef struct {
    pump_state_t    state;
    alarm_t         alarm;
    double          rate_ml_h;
    double          bolus_ml;        /* remaining bolus volume */
    double          delivered_ml;
    double          reservoir_ml;
    uint32_t        last_bolus_ms;
    uint32_t        silence_until_ms;
    int             authenticated;
    int             profile_active;
    rate_profile_t *profile;
    char            operator_id[OPERATOR_ID_MAX];
} pump_ctx_t;

/* hal_stub.c */
void     hal_init(void);
int      hal_uart_read_line(char *buf, size_t len);
void     hal_uart_write(const char *s);
int      hal_flash_read(uint32_t addr, uint8_t *dst, size_t len);
int      hal_flash_write(uint32_t addr, const uint8_t *src, size_t len);
uint32_t hal_tick_ms(void);
uint64_t hal_uptime_ms(void);
void     hal_motor_set_rate(uint32_t millisteps_per_s);
int      hal_sensor_read(uint8_t *raw, size_t len);
int      hal_trng_read(uint8_t *dst, size_t len);
void     hal_led_set(led_t led);
void     hal_buzzer_set(int on);
void     hal_watchdog_kick(void);

/* event_log.c */
void   log_init(void);
void   log_event(log_level_t level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void   log_event_v1(log_level_t level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t log_count(void);
int    log_latest(char *dst, size_t dst_len);
char  *log_export(size_t *out_len);

/* dose.c */
int             dose_set_rate(pump_ctx_t *ctx, double rate_ml_h);
int             dose_request_bolus(pump_ctx_t *ctx, double volume_ml);
void            dose_stop(pump_ctx_t *ctx);
uint32_t        dose_rate_to_steps(double rate_ml_h);
void            dose_tick(pump_ctx_t *ctx, uint32_t elapsed_ms);
rate_profile_t *dose_profile_create(size_t n_steps);
int             dose_profile_append(rate_profile_t *prof, const profile_step_t *step);
int             dose_profile_start(pump_ctx_t *ctx);
void            dose_profile_free(rate_profile_t *prof);

/* cmd_parser.c */
int cmd_handle_line(pump_ctx_t *ctx, const char *line, char *reply, size_t reply_len);

/* telemetry.c */
int telemetry_init(void);
int telemetry_send(const pump_ctx_t *ctx);
int crypto_hash_pin(const char *pin, uint8_t *out, size_t out_len);

#endif /* PUMP_H */
