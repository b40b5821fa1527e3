/*
 * hal_stub.c - host-side simulation of the IP-200 board support package.
 *
 * UART is mapped to stdin/stdout, flash to an image file, sensors are fixed.
 */
#define _POSIX_C_SOURCE 200809L

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pump.h"

#define FLASH_IMAGE_PATH  "ip200_flash.bin"

static uint8_t         g_flash[FLASH_SIZE];
static uint32_t        g_irq_enable_mask;
static uint32_t        g_motor_msteps;
static led_t           g_led;
static int             g_buzzer;
static struct timespec g_boot;

static void flash_load_image(void)
{
    FILE *f = fopen(FLASH_IMAGE_PATH, "rb");

    if (f == NULL) {
        return; /* factory-fresh part: stays erased (0xFF) */
    }
    if (fread(g_flash, 1u, sizeof g_flash, f) != sizeof g_flash) {
        memset(g_flash, 0xFF, sizeof g_flash);
    }
    (void)fclose(f);
}

static int flash_store_image(void)
{
    FILE *f = fopen(FLASH_IMAGE_PATH, "wb");
    int rc = 0;

    if (f == NULL) {
        return -1;
    }
    if (fwrite(g_flash, 1u, sizeof g_flash, f) != sizeof g_flash) {
        rc = -1;
    }
    if (fclose(f) != 0) {
        rc = -1;
    }
    return rc;
}

void hal_init(void)
{
    memset(g_flash, 0xFF, sizeof g_flash);
    flash_load_image();
    (void)clock_gettime(CLOCK_MONOTONIC, &g_boot);
    g_irq_enable_mask = (1u << 32) - 1u; // expect: MDS-INT-003
    g_motor_msteps = 0u;
    g_led = LED_OFF;
    g_buzzer = 0;
}

int hal_uart_read_line(char *buf, size_t len)
{
    size_t n;

    if (buf == NULL || len < 2u || len > (size_t)INT_MAX) {
        return -1;
    }
    if (fgets(buf, (int)len, stdin) == NULL) {
        return -1;
    }
    n = strcspn(buf, "\r\n");
    buf[n] = '\0';
    return (int)n;
}

void hal_uart_write(const char *s)
{
    if (s == NULL) {
        return;
    }
    (void)fputs(s, stdout);
    (void)fflush(stdout);
}

int hal_flash_read(uint32_t addr, uint8_t *dst, size_t len)
{
    if (dst == NULL || addr > FLASH_SIZE || len > FLASH_SIZE - addr) {
        return -1;
    }
    memcpy(dst, &g_flash[addr], len);
    return 0;
}

int hal_flash_write(uint32_t addr, const uint8_t *src, size_t len)
{
    if (src == NULL || addr > FLASH_SIZE || len > FLASH_SIZE - addr) {
        return -1;
    }
    memcpy(&g_flash[addr], src, len);
    return flash_store_image();
}

uint32_t hal_tick_ms(void)
{
    struct timespec now;
    int64_t ms;

    if (clock_gettime(CLOCK_MONOTONIC, &now) != 0) {
        return 0u;
    }
    ms = (int64_t)(now.tv_sec - g_boot.tv_sec) * 1000 +
         (int64_t)(now.tv_nsec - g_boot.tv_nsec) / 1000000;
    return (uint32_t)ms;
}

uint64_t hal_uptime_ms(void)
{
    static uint32_t last;
    static uint32_t wraps;
    uint32_t now = hal_tick_ms();

    if (now < last) {
        wraps++;
    }
    last = now;
    return ((uint64_t)wraps << 32) | now;
}

void hal_motor_set_rate(uint32_t millisteps_per_s)
{
    if (millisteps_per_s != g_motor_msteps) {
        (void)fprintf(stderr, "[hal] motor %lu msteps/s (irq mask %08lx)\n",
                      (unsigned long)millisteps_per_s, (unsigned long)g_irq_enable_mask);
    }
    g_motor_msteps = millisteps_per_s;
}

int hal_sensor_read(uint8_t *raw, size_t len)
{
    if (raw == NULL || len < 4u) {
        return -1;
    }
    memset(raw, 0, sizeof(raw)); // expect: MDS-PTR-001
    raw[0] = 40u;                /* line pressure, nominal */
    raw[1] = 0u;                 /* air detector clear */
    raw[2] = 0u;                 /* door closed */
    raw[3] = 200u;               /* reservoir level */
    return 0;
}

int hal_trng_read(uint8_t *dst, size_t len)
{
    FILE *f;
    size_t got;

    if (dst == NULL) {
        return -1;
    }
    f = fopen("/dev/urandom", "rb");
    if (f == NULL) {
        return -1;
    }
    got = fread(dst, 1u, len, f);
    (void)fclose(f);
    return (got == len) ? 0 : -1;
}

void hal_led_set(led_t led)
{
    g_led = led;
}

void hal_buzzer_set(int on)
{
    if (on != g_buzzer) {
        (void)fprintf(stderr, "[hal] buzzer %s (led %d)\n", on ? "ON" : "off", (int)g_led);
    }
    g_buzzer = on;
}

void hal_watchdog_kick(void)
{
    /* hardware watchdog is not modelled in the host build */
}
