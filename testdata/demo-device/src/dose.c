/*
 * dose.c - rate/bolus control, volume accounting and rate profiles.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pump.h"

uint32_t dose_rate_to_steps(double rate_ml_h)
{
    double msteps;

    if (!(rate_ml_h > 0.0)) {
        return 0u;
    }
    if (rate_ml_h > RATE_MAX_ML_H) {
        rate_ml_h = RATE_MAX_ML_H;
    }
    /* millisteps/s = mL/h * steps/mL * 1000 / 3600; bounded by RATE_MAX_ML_H */
    msteps = rate_ml_h * (double)STEPS_PER_ML * 1000.0 / 3600.0 + 0.5;
    return (uint32_t)msteps;
}

int dose_set_rate(pump_ctx_t *ctx, double rate_ml_h)
{
    if (ctx == NULL) {
        return -1;
    }
    /* written so that NaN is rejected as well */
    if (!(rate_ml_h >= RATE_MIN_ML_H && rate_ml_h <= RATE_MAX_ML_H)) {
        log_event(LOG_WARN, "rejected rate %.2f mL/h", rate_ml_h);
        return -1;
    }
    if (ctx->state == PUMP_ALARM) {
        return -2;
    }
    ctx->rate_ml_h = rate_ml_h;
    if (ctx->state != PUMP_BOLUS) {
        ctx->state = PUMP_RUNNING;
        hal_motor_set_rate(dose_rate_to_steps(rate_ml_h));
    }
    log_event(LOG_INFO, "rate %.2f mL/h", rate_ml_h);
    return 0;
}

int dose_request_bolus(pump_ctx_t *ctx, double volume_ml)
{
    uint32_t now = hal_tick_ms();

    if (ctx == NULL || !(volume_ml > 0.0 && volume_ml <= BOLUS_MAX_ML)) {
        return -1;
    }
    if (ctx->state == PUMP_ALARM) {
        return -2;
    }
    if (ctx->last_bolus_ms != 0u &&
        (uint32_t)(now - ctx->last_bolus_ms) < BOLUS_LOCKOUT_MS) {
        log_event(LOG_WARN, "bolus refused: lockout active");
        return -3;
    }
    if (volume_ml > ctx->reservoir_ml) {
        return -4;
    }
    ctx->bolus_ml = volume_ml;
    ctx->last_bolus_ms = (now != 0u) ? now : 1u;
    ctx->state = PUMP_BOLUS;
    hal_motor_set_rate(dose_rate_to_steps(BOLUS_RATE_ML_H));
    log_event(LOG_INFO, "bolus %.2f mL", volume_ml);
    return 0;
}

void dose_stop(pump_ctx_t *ctx)
{
    hal_motor_set_rate(0u);
    if (ctx == NULL) {
        return;
    }
    ctx->bolus_ml = 0.0;
    ctx->profile_active = 0;
    if (ctx->state != PUMP_ALARM) {
        ctx->state = PUMP_IDLE;
    }
}

static void profile_advance(pump_ctx_t *ctx)
{
    rate_profile_t *prof = ctx->profile;
    const profile_step_t *step;
    uint32_t now;

    if (prof == NULL || !ctx->profile_active || prof->current >= prof->count) {
        return;
    }
    now = hal_tick_ms();
    step = &prof->steps[prof->current];
    if ((uint32_t)(now - prof->step_started_ms) < step->duration_s * 1000u) {
        return;
    }
    prof->current++;
    prof->step_started_ms = now;
    if (prof->current >= prof->count) {
        ctx->profile_active = 0;
        log_event(LOG_INFO, "profile complete");
        return;
    }
    (void)dose_set_rate(ctx, prof->steps[prof->current].rate_ml_h);
}

void dose_tick(pump_ctx_t *ctx, uint32_t elapsed_ms)
{
    double hours = (double)elapsed_ms / 3600000.0;
    double vol;

    switch (ctx->state) {
    case PUMP_RUNNING:
        vol = ctx->rate_ml_h * hours;
        break;
    case PUMP_BOLUS:
        vol = BOLUS_RATE_ML_H * hours;
        if (vol >= ctx->bolus_ml) {
            vol = ctx->bolus_ml;
            ctx->bolus_ml = 0.0;
            ctx->state = (ctx->rate_ml_h > 0.0) ? PUMP_RUNNING : PUMP_IDLE;
            hal_motor_set_rate(dose_rate_to_steps(ctx->rate_ml_h));
        } else {
            ctx->bolus_ml -= vol;
        }
        break;
    case PUMP_IDLE:
    case PUMP_PAUSED:
    case PUMP_ALARM:
    default:
        vol = 0.0;
        break;
    }

    if (vol > ctx->reservoir_ml) {
        vol = ctx->reservoir_ml;
    }
    ctx->reservoir_ml -= vol;
    ctx->delivered_ml += vol;
    if (ctx->reservoir_ml <= 0.0 && vol > 0.0) {
        ctx->alarm = ALARM_RESERVOIR_EMPTY;
    }
    profile_advance(ctx);
}

rate_profile_t *dose_profile_create(size_t n_steps)
{
    rate_profile_t *prof = malloc(sizeof(rate_profile_t *)); // expect: MDS-PTR-002

    if (prof == NULL) {
        return NULL;
    }
    prof->steps = malloc(n_steps * sizeof(profile_step_t)); // expect: MDS-INT-001
    if (prof->steps == NULL) {
        free(prof);
        return NULL;
    }
    prof->count = 0u;
    prof->cap = n_steps;
    prof->current = 0u;
    prof->step_started_ms = 0u;
    return prof;
}

int dose_profile_append(rate_profile_t *prof, const profile_step_t *step)
{
    profile_step_t *tmp;
    size_t new_cap;

    if (prof == NULL || step == NULL) {
        return -1;
    }
    if (prof->count == prof->cap) {
        if (prof->cap >= PROFILE_MAX_STEPS) {
            return -1;
        }
        new_cap = (prof->cap == 0u) ? 4u : prof->cap * 2u;
        if (new_cap > PROFILE_MAX_STEPS) {
            new_cap = PROFILE_MAX_STEPS;
        }
        if (new_cap > SIZE_MAX / sizeof *prof->steps) {
            return -1;
        }
        tmp = realloc(prof->steps, new_cap * sizeof *prof->steps);
        if (tmp == NULL) {
            return -1;
        }
        prof->steps = tmp;
        prof->cap = new_cap;
    }
    prof->steps[prof->count++] = *step;
    return 0;
}

int dose_profile_start(pump_ctx_t *ctx)
{
    rate_profile_t *prof;

    if (ctx == NULL || ctx->profile == NULL || ctx->profile->count == 0u) {
        return -1;
    }
    prof = ctx->profile;
    prof->current = 0u;
    prof->step_started_ms = hal_tick_ms();
    if (dose_set_rate(ctx, prof->steps[0].rate_ml_h) != 0) {
        return -1;
    }
    ctx->profile_active = 1;
    return 0;
}

void dose_profile_free(rate_profile_t *prof)
{
    if (prof == NULL) {
        return;
    }
    free(prof->steps);
    free(prof);
}
