/* MDS-PTR-002: allocations sized by a pointer instead of by the object. */
#include <stdint.h>
#include <stdlib.h>

#define ALARM_SLOTS 8u
#define HISTORY_MAX 256u

struct infusion_rec {
	uint32_t t_ms;
	uint16_t rate_ml_h;
	uint16_t flags;
	uint32_t volume_ul;
};

typedef struct infusion_rec *rec_ptr_t;

typedef struct {
	uint32_t max_rate;
	uint32_t max_bolus;
	uint32_t occlusion_kpa;
} pump_cfg_t;

struct alarm_queue {
	struct infusion_rec *items;
	size_t head, count;
};

pump_cfg_t *cfg_new(void)
{
	pump_cfg_t *cfg = malloc(sizeof(pump_cfg_t *)); // expect: MDS-PTR-002

	if (cfg == NULL) {
		return NULL;
	}
	cfg->max_rate = 0u;
	return cfg;
}

struct infusion_rec *history_alloc(size_t n)
{
	struct infusion_rec *recs;

	if (n > HISTORY_MAX) {
		return NULL;
	}
	recs = calloc(n, sizeof(rec_ptr_t)); // expect: MDS-PTR-002
	return recs;
}

int queue_init(struct alarm_queue *q)
{
	q->items = malloc(ALARM_SLOTS * sizeof(q->items)); // expect: MDS-PTR-002
	if (q->items == NULL) {
		return -1;
	}
	q->head = 0u;
	q->count = 0u;
	return 0;
}

int queue_grow(struct alarm_queue *q, size_t n)
{
	struct infusion_rec *tmp;

	if (n > HISTORY_MAX) {
		return -1;
	}
	tmp = realloc(q->items, n * sizeof(struct infusion_rec *)); // expect: MDS-PTR-002
	if (tmp == NULL) {
		return -1;
	}
	q->items = tmp;
	return 0;
}

uint32_t *counter_new(void)
{
	uint32_t *counter;

	counter = malloc(sizeof counter); // expect: MDS-PTR-002
	if (counter != NULL) {
		*counter = 0u;
	}
	return counter;
}

struct infusion_rec *rec_new(void)
{
	struct infusion_rec *rec = (struct infusion_rec *)malloc(
		sizeof(rec)); // expect: MDS-PTR-002

	if (rec != NULL) {
		rec->flags = 0u;
	}
	return rec;
}
