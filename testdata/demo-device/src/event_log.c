/*
 * event_log.c - RAM ring buffer of timestamped events.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pump.h"

#define EXPORT_CHUNK  256u

typedef struct {
    uint32_t    tick_ms;
    log_level_t level;
    char        msg[LOG_MSG_MAX];
} log_entry_t;

static log_entry_t g_log[LOG_CAPACITY];
static size_t      g_head;   /* next slot to write */
static size_t      g_count;

static const char *level_name(log_level_t level)
{
    static const char *const names[] = { "DBG", "INF", "WRN", "ERR" };

    if ((size_t)level >= sizeof names / sizeof names[0]) {
        return "???";
    }
    return names[level];
}

void log_init(void)
{
    memset(g_log, 0, sizeof g_log);
    g_head = 0u;
    g_count = 0u;
}

size_t log_count(void)
{
    return g_count;
}

static void log_push(log_level_t level, const char *msg)
{
    log_entry_t *e = &g_log[g_head];

    e->tick_ms = hal_tick_ms();
    e->level = level;
    strncpy(e->msg, msg, sizeof e->msg - 1u);
    e->msg[sizeof e->msg - 1u] = '\0';

    g_head = (g_head + 1u) % LOG_CAPACITY;
    if (g_count < LOG_CAPACITY) {
        g_count++;
    }
}

void log_event(log_level_t level, const char *fmt, ...)
{
    char buf[LOG_MSG_MAX];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) {
        (void)snprintf(buf, sizeof buf, "%s", "<log format error>");
    }
    log_push(level, buf);
}

/* v1 service-tool protocol wrapper, kept for the legacy export format. */
void log_event_v1(log_level_t level, const char *fmt, ...)
{
    char buf[LOG_MSG_MAX * 2u];
    va_list ap;

    va_start(ap, fmt);
    vsprintf(buf, fmt, ap); // expect: MDS-BAN-003
    va_end(ap);
    log_push(level, buf);
}

int log_latest(char *dst, size_t dst_len)
{
    const log_entry_t *e;
    size_t idx;

    if (dst == NULL || dst_len == 0u) {
        return -1;
    }
    if (g_count == 0u) {
        dst[0] = '\0';
        return -1;
    }
    idx = (g_head + LOG_CAPACITY - 1u) % LOG_CAPACITY;
    e = &g_log[idx];
    (void)snprintf(dst, sizeof(dst), "%lu %s %s", (unsigned long)e->tick_ms, level_name(e->level), e->msg); // expect: MDS-PTR-001
    return 0;
}

char *log_export(size_t *out_len)
{
    size_t cap = EXPORT_CHUNK;
    size_t used = 0u;
    size_t i;
    char *out;

    if (out_len == NULL) {
        return NULL;
    }
    out = malloc(cap);
    if (out == NULL) {
        return NULL;
    }
    out[0] = '\0';

    for (i = 0u; i < g_count; i++) {
        size_t idx = (g_head + LOG_CAPACITY - g_count + i) % LOG_CAPACITY;
        const log_entry_t *e = &g_log[idx];
        char line[LOG_MSG_MAX + 24u];
        int n = snprintf(line, sizeof line, "%10lu %s %s\r\n",
                         (unsigned long)e->tick_ms, level_name(e->level), e->msg);

        if (n < 0) {
            continue;
        }
        if ((size_t)n >= sizeof line) {
            n = (int)(sizeof line - 1u);
        }
        while (used + (size_t)n + 1u > cap) {
            cap += EXPORT_CHUNK;
            out = realloc(out, cap); // expect: MDS-MEM-008
            if (out == NULL) {
                return NULL;
            }
        }
        memcpy(out + used, line, (size_t)n);
        used += (size_t)n;
        out[used] = '\0';
    }
    *out_len = used;
    return out;
}
